import { InvalidInputError, NotFoundError } from '../core/errors.js';
import { normaliseJurisdictionCode } from '../core/jurisdiction-code.js';
import type { ServiceContext } from '../platform/context.js';
import type { Tx } from '../platform/db/database.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import type { Jurisdiction } from '../jurisdictions/model.js';
import { getIncident } from '../incidents/service.js';
import type { CapAlert, CapMsgType } from './cap/model.js';
import { buildCapAlert, formatIdentifier, identifierDayPrefix, type AreaUnit } from './cap-builder.js';
import { capToXml, formatCapTime, localDay } from './cap-codec.js';
import type { ColourTable } from './colour-table.js';
import type { PublicArea, Warning, WarningContent } from './model.js';
import type { CapPublisherSettings } from './settings.js';
import * as store from './store.js';

/** The units named as areas, loaded once; unknown or retired codes are bad input naming the field. */
export async function loadAreaUnits(ctx: Pick<ServiceContext, 'db'>, codes: readonly string[]): Promise<Jurisdiction[]> {
  const units: Jurisdiction[] = [];
  for (const [i, code] of codes.entries()) {
    const field = `areas.jurisdictionCodes[${i}]`;
    try {
      const unit = await loadJurisdiction(ctx, normaliseJurisdictionCode(code, field), field);
      if (unit.status !== 'active') throw InvalidInputError.forField(field, `${unit.code} is ${unit.status}`);
      units.push(unit);
    } catch (error) {
      if (error instanceof NotFoundError) throw InvalidInputError.forField(field, `no jurisdiction with code ${code}`);
      throw error;
    }
  }
  return units;
}

/** The next identifier for a unit's message sent at `now` (the caller holds the append-order lock when it keeps it). */
export async function nextIdentifier(tx: Tx | ServiceContext['db'], settings: CapPublisherSettings, unitCode: string, now: Date): Promise<string> {
  const day = localDay(now, settings.timeZone);
  const prefix = identifierDayPrefix(settings.identifierPrefix, unitCode, day);
  const last = await store.lastIdentifierWithPrefix(tx as Tx, prefix);
  const sequence = last === undefined ? 1 : Number(last.slice(prefix.length)) + 1;
  return formatIdentifier(settings.identifierPrefix, unitCode, day, sequence);
}

/** "sender,identifier,sent …" of every published message of the lineage, oldest first. */
export function referencesOf(lineage: readonly Warning[]): string | undefined {
  const published = lineage.filter((w) => w.identifier !== null && w.sender !== null && w.sent !== null);
  if (published.length === 0) return undefined;
  return published.map((w) => `${w.sender},${w.identifier},${w.sent}`).join(' ');
}

export interface ComposeProps {
  readonly content: WarningContent;
  readonly colourTable: ColourTable;
  readonly settings: CapPublisherSettings;
  readonly identifier: string;
  readonly sent: Date;
  readonly msgType: CapMsgType;
  readonly references?: string | undefined;
  readonly note?: string | undefined;
}

export interface Composed {
  readonly alert: CapAlert;
  readonly xml: string;
  readonly units: readonly Jurisdiction[];
}

/** Builds the CAP message and its XML for a local warning's content. */
export async function composeCap(ctx: ServiceContext, props: ComposeProps): Promise<Composed> {
  const units = await loadAreaUnits(ctx, props.content.areas.jurisdictionCodes);
  const incidentNumber = props.content.incidentId ? (await getIncident(ctx, props.content.incidentId)).number : undefined;
  const areaUnits: AreaUnit[] = units.map((u) => ({ code: u.code, nameZh: u.nameZh, nameEn: u.nameEn }));
  const alert = buildCapAlert({
    content: props.content,
    colourTable: props.colourTable,
    identifier: props.identifier,
    sender: props.settings.sender,
    sent: formatCapTime(props.sent.toISOString(), props.settings.timeZone),
    msgType: props.msgType,
    references: props.references,
    note: props.note,
    units: areaUnits,
    incidentNumber,
    senderName: props.settings.senderName,
    formatTime: (iso) => formatCapTime(iso, props.settings.timeZone),
  });
  return { alert, xml: capToXml(alert), units };
}

/**
 * Areas with geometry for the public map: a unit's boundary where a source gives one, else its
 * centroid, else only its code (never invented coordinates); polygons as GeoJSON; circles as circles.
 */
export function publicAreasOf(content: WarningContent, units: readonly Jurisdiction[]): PublicArea[] {
  const areas: PublicArea[] = units.map((unit) => ({
    areaDesc: { zh: unit.nameZh, en: unit.nameEn },
    jurisdictionCode: unit.code,
    geometry:
      unit.boundary !== null
        ? { type: unit.boundary.type, coordinates: unit.boundary.coordinates }
        : unit.centroid !== null
          ? { type: 'Point', coordinates: [unit.centroid[0], unit.centroid[1]] }
          : null,
    circle: null,
  }));
  const description = content.areas.description ?? '';
  for (const ring of content.areas.polygons) {
    areas.push({
      areaDesc: { zh: description, en: null },
      jurisdictionCode: null,
      // CAP pairs are lat,lon; GeoJSON positions are [lon, lat].
      geometry: { type: 'Polygon', coordinates: [ring.map(([lat, lon]) => [lon, lat])] },
      circle: null,
    });
  }
  for (const circle of content.areas.circles) {
    areas.push({ areaDesc: { zh: description, en: null }, jurisdictionCode: null, geometry: null, circle: { center: [circle.lon, circle.lat], radiusKm: circle.radiusKm } });
  }
  return areas;
}
