import { levelOfChineseCode, shortJurisdictionCode } from '../core/jurisdiction-code.js';
import type { CapAlert, CapArea, CapInfo, CapMsgType, CapResource, CapValuePair } from './cap/model.js';
import type { ColourTable } from './colour-table.js';
import { WARNING_LEVEL_PARAMETER } from './cap/rules.js';
import type { WarningContent, WarningText } from './model.js';

/** The valueName of the info parameter carrying the colour (issue 5 §1), as the codec checks it. */
export { WARNING_LEVEL_PARAMETER };

/** A jurisdiction named as an area, with the names its areaDesc is made of. */
export interface AreaUnit {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string | null;
}

/**
 * The CAP geocode of a unit (DESIGN.md "Jurisdiction codes"): "GB/T 2260" with 6 digits for
 * county level and above, "GB/T 10114" with 9 or 12 digits below; other hierarchies keep their
 * own code under "jurisdiction".
 */
export function geocodeOf(code: string): CapValuePair {
  const level = levelOfChineseCode(code);
  if (level === 'province' || level === 'city' || level === 'county') return { valueName: 'GB/T 2260', value: code.slice(0, 6) };
  if (level === 'township') return { valueName: 'GB/T 10114', value: shortJurisdictionCode(code) };
  if (level === 'village') return { valueName: 'GB/T 10114', value: code };
  return { valueName: 'jurisdiction', value: code };
}

export interface BuildCapProps {
  readonly content: WarningContent;
  readonly colourTable: ColourTable;
  readonly identifier: string;
  readonly sender: string;
  /** Already in CAP form (±hh:mm). */
  readonly sent: string;
  readonly msgType: CapMsgType;
  /** "sender,identifier,sent …" of the earlier messages (Update, Cancel). */
  readonly references?: string | undefined;
  readonly note?: string | undefined;
  /** Names of `content.areas.jurisdictionCodes`, in that order. */
  readonly units: readonly AreaUnit[];
  /** The linked incident's number, for CAP `incidents`. */
  readonly incidentNumber?: string | undefined;
  readonly senderName: { readonly zh: string; readonly en: string | null };
  /** Turns a stored ISO time into CAP form in the deployment's zone (Asia/Shanghai → +08:00). */
  readonly formatTime: (iso: string) => string;
}

function areasFor(content: WarningContent, units: readonly AreaUnit[], language: 'zh' | 'en'): CapArea[] {
  const areas: CapArea[] = units.map((unit) => ({
    areaDesc: language === 'en' && unit.nameEn ? unit.nameEn : unit.nameZh,
    polygons: [],
    circles: [],
    geocodes: [geocodeOf(unit.code)],
  }));
  const { polygons, circles, description } = content.areas;
  if (polygons.length + circles.length > 0) {
    areas.push({
      areaDesc: description ?? '',
      polygons: polygons.map((ring) => ring.map(([lat, lon]) => `${lat},${lon}`).join(' ')),
      circles: circles.map((c) => `${c.lat},${c.lon} ${c.radiusKm}`),
      geocodes: [],
    });
  }
  return areas;
}

function resourcesOf(content: WarningContent): CapResource[] {
  return content.resources.map((r) => ({
    resourceDesc: r.resourceDesc,
    mimeType: r.mimeType,
    ...(typeof r.size === 'number' ? { size: r.size } : {}),
    ...(r.uri ? { uri: r.uri } : {}),
  }));
}

function infoFor(props: BuildCapProps, language: 'zh' | 'en', text: WarningText, event: string): CapInfo {
  const { content, colourTable } = props;
  const mapping = colourTable[content.colour];
  return {
    language: language === 'zh' ? 'zh-CN' : 'en',
    categories: content.categories,
    event,
    responseTypes: content.responseTypes,
    urgency: mapping.urgency,
    severity: mapping.severity,
    certainty: content.certainty,
    eventCodes: [],
    ...(content.onset ? { effective: props.formatTime(content.onset), onset: props.formatTime(content.onset) } : {}),
    expires: props.formatTime(content.expires),
    senderName: language === 'en' && props.senderName.en ? props.senderName.en : props.senderName.zh,
    headline: text.headline,
    description: text.description,
    ...(text.instruction ? { instruction: text.instruction } : {}),
    ...(content.contact ? { contact: content.contact } : {}),
    parameters: [{ valueName: WARNING_LEVEL_PARAMETER, value: content.colour }],
    resources: resourcesOf(content),
    areas: areasFor(content, props.units, language),
  };
}

/**
 * The CAP 1.2 message of a local warning: one info block in zh-CN and, when written, one in
 * English; severity and urgency from the colour table; the colour as `warningLevel`.
 */
export function buildCapAlert(props: BuildCapProps): CapAlert {
  const { content } = props;
  const infos: CapInfo[] = [infoFor(props, 'zh', content.texts.zh, content.event.zh)];
  if (content.texts.en) infos.push(infoFor(props, 'en', content.texts.en, content.event.en ?? content.event.zh));
  return {
    identifier: props.identifier,
    sender: props.sender,
    sent: props.sent,
    status: content.status,
    msgType: props.msgType,
    scope: 'Public',
    codes: [],
    ...(props.note ? { note: props.note } : {}),
    ...(props.references ? { references: props.references } : {}),
    ...(props.incidentNumber ? { incidents: props.incidentNumber } : {}),
    infos,
  };
}

/**
 * The identifier scheme: `<prefix>-<issuing unit's short code>-<yyyymmdd>-<sequence>`, e.g.
 * `seamless-420102-20240701-0003`. The date is the local (Asia/Shanghai) day of sending; the
 * sequence counts that unit's messages of that day, so identifiers are stable and unique.
 */
export function formatIdentifier(prefix: string, unitCode: string, localDay: string, sequence: number): string {
  return `${prefix}-${shortJurisdictionCode(unitCode)}-${localDay.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}

export function identifierDayPrefix(prefix: string, unitCode: string, localDay: string): string {
  return `${prefix}-${shortJurisdictionCode(unitCode)}-${localDay.replaceAll('-', '')}-`;
}
