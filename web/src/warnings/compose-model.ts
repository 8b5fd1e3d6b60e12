import type { Problem, WarningContent } from './types.js';

/** The compose form's fields as typed (text), turned into content for the API. */
export interface ComposeFields {
  jurisdictionCode: string;
  colour: string;
  categories: string[];
  responseTypes: string[];
  certainty: string;
  eventZh: string;
  eventEn: string;
  onset: string;
  expires: string;
  headlineZh: string;
  descriptionZh: string;
  instructionZh: string;
  headlineEn: string;
  descriptionEn: string;
  instructionEn: string;
  areaCodes: string;
  polygons: string;
  circles: string;
  areaDescription: string;
}

/** A datetime-local value (the browser's zone) as ISO; empty stays empty. */
function toIso(local: string): string | undefined {
  if (local.trim() === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** An ISO time as a datetime-local value in the browser's zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const list = (text: string) => text.split(/[\s,，、]+/).map((part) => part.trim()).filter(Boolean);
const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** "lat,lon lat,lon …" per line (CAP's own polygon text) → rings of [lat, lon]. */
function parsePolygons(text: string): number[][][] {
  return lines(text).map((line) => line.split(/\s+/).map((pair) => pair.split(',').map(Number)));
}

/** "lat,lon radius_km" per line → circles. */
function parseCircles(text: string): { lat: number; lon: number; radiusKm: number }[] {
  return lines(text).map((line) => {
    const [point = '', radius = ''] = line.split(/\s+/);
    const [lat, lon] = point.split(',').map(Number);
    return { lat: lat ?? Number.NaN, lon: lon ?? Number.NaN, radiusKm: Number(radius) };
  });
}

export function toContent(fields: ComposeFields): WarningContent {
  const hasEnglish = [fields.headlineEn, fields.descriptionEn].some((text) => text.trim() !== '');
  const polygons = parsePolygons(fields.polygons);
  const circles = parseCircles(fields.circles);
  return {
    categories: fields.categories,
    event: { zh: fields.eventZh, ...(fields.eventEn.trim() ? { en: fields.eventEn } : {}) },
    responseTypes: fields.responseTypes,
    certainty: fields.certainty,
    colour: fields.colour,
    ...(toIso(fields.onset) ? { onset: toIso(fields.onset) } : {}),
    expires: toIso(fields.expires) ?? '',
    texts: {
      zh: { headline: fields.headlineZh, description: fields.descriptionZh, ...(fields.instructionZh.trim() ? { instruction: fields.instructionZh } : {}) },
      ...(hasEnglish ? { en: { headline: fields.headlineEn, description: fields.descriptionEn, ...(fields.instructionEn.trim() ? { instruction: fields.instructionEn } : {}) } } : {}),
    },
    areas: {
      jurisdictionCodes: list(fields.areaCodes),
      polygons,
      circles,
      ...(fields.areaDescription.trim() ? { description: fields.areaDescription } : {}),
    },
  };
}

export function fieldsFrom(content: WarningContent | null, jurisdictionCode: string): ComposeFields {
  const inSixHours = new Date(Date.now() + 6 * 3_600_000).toISOString();
  return {
    jurisdictionCode,
    colour: content?.colour ?? 'yellow',
    categories: content?.categories ?? ['Met'],
    responseTypes: content?.responseTypes ?? ['Prepare'],
    certainty: content?.certainty ?? 'Likely',
    eventZh: content?.event.zh ?? '',
    eventEn: content?.event.en ?? '',
    onset: toLocalInput(content?.onset),
    expires: toLocalInput(content?.expires ?? inSixHours),
    headlineZh: content?.texts.zh.headline ?? '',
    descriptionZh: content?.texts.zh.description ?? '',
    instructionZh: content?.texts.zh.instruction ?? '',
    headlineEn: content?.texts.en?.headline ?? '',
    descriptionEn: content?.texts.en?.description ?? '',
    instructionEn: content?.texts.en?.instruction ?? '',
    areaCodes: content?.areas.jurisdictionCodes.join(' ') ?? jurisdictionCode,
    polygons: (content?.areas.polygons ?? []).map((ring) => ring.map((pair) => pair.join(',')).join(' ')).join('\n'),
    circles: (content?.areas.circles ?? []).map((c) => `${c.lat},${c.lon} ${c.radiusKm}`).join('\n'),
    areaDescription: content?.areas.description ?? '',
  };
}

/** Which form field a problem's path belongs to (problems of the CAP XML go to the preview). */
export const FIELD_OF_PATH: ReadonlyArray<readonly [prefix: string, field: keyof ComposeFields | 'cap']> = [
  ['jurisdictionCode', 'jurisdictionCode'],
  ['colour', 'colour'],
  ['categories', 'categories'],
  ['responseTypes', 'responseTypes'],
  ['certainty', 'certainty'],
  ['event.zh', 'eventZh'],
  ['event.en', 'eventEn'],
  ['onset', 'onset'],
  ['expires', 'expires'],
  ['texts.zh.headline', 'headlineZh'],
  ['texts.zh.description', 'descriptionZh'],
  ['texts.zh.instruction', 'instructionZh'],
  ['texts.zh', 'headlineZh'],
  ['texts.en.headline', 'headlineEn'],
  ['texts.en.description', 'descriptionEn'],
  ['texts.en.instruction', 'instructionEn'],
  ['areas.jurisdictionCodes', 'areaCodes'],
  ['areas.polygons', 'polygons'],
  ['areas.circles', 'circles'],
  ['areas.description', 'areaDescription'],
  ['areas', 'areaCodes'],
  ['cap', 'cap'],
];

export function problemsByField(problems: readonly Problem[]): Map<string, Problem[]> {
  const byField = new Map<string, Problem[]>();
  for (const problem of problems) {
    const field = FIELD_OF_PATH.find(([prefix]) => problem.path === prefix || problem.path.startsWith(`${prefix}.`) || problem.path.startsWith(`${prefix}[`) || problem.path.startsWith(`${prefix}/`))?.[1] ?? 'cap';
    byField.set(field, [...(byField.get(field) ?? []), problem]);
  }
  return byField;
}
