import { WARNING_COLOURS } from '../core/warning-levels.js';
import { CAP_CATEGORIES, CAP_CERTAINTIES, CAP_RESPONSE_TYPES } from './cap/model.js';
import { LIMITS, WARNING_CAP_STATUSES, type ContentProblem, type WarningContent, type WarningText } from './model.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkString(problems: ContentProblem[], value: unknown, path: string, max: number, required: boolean): void {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) problems.push({ path, message: 'is required' });
    return;
  }
  if (typeof value !== 'string') problems.push({ path, message: 'must be text' });
  else if (value.length > max) problems.push({ path, message: `must be at most ${max} characters` });
}

function checkEnumList(problems: ContentProblem[], value: unknown, path: string, allowed: readonly string[], min: number): void {
  if (!Array.isArray(value) || value.length < min) {
    problems.push({ path, message: min > 0 ? `must list at least ${min} of ${allowed.join(', ')}` : 'must be a list' });
    return;
  }
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string' || !allowed.includes(item)) problems.push({ path: `${path}[${i}]`, message: `must be one of ${allowed.join(', ')}` });
  });
}

function checkTime(problems: ContentProblem[], value: unknown, path: string, required: boolean): number | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) problems.push({ path, message: 'is required' });
    return undefined;
  }
  // An explicit zone is required: a bare local time would be read differently by each server.
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
    problems.push({ path, message: 'must be a date-time with a zone, e.g. 2024-07-01T08:00:00+08:00' });
    return undefined;
  }
  return Date.parse(value);
}

function checkLatLon(problems: ContentProblem[], lat: unknown, lon: unknown, path: string): boolean {
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    problems.push({ path, message: 'latitude must be between -90 and 90' });
    return false;
  }
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) {
    problems.push({ path, message: 'longitude must be between -180 and 180' });
    return false;
  }
  return true;
}

function checkAreas(problems: ContentProblem[], value: unknown): void {
  if (!isObject(value)) {
    problems.push({ path: 'areas', message: 'is required: jurisdictions and/or drawn polygons or circles' });
    return;
  }
  const codes = value.jurisdictionCodes ?? [];
  const polygons = value.polygons ?? [];
  const circles = value.circles ?? [];
  if (!Array.isArray(codes) || codes.some((c) => typeof c !== 'string' || c.trim() === '')) problems.push({ path: 'areas.jurisdictionCodes', message: 'must be a list of jurisdiction codes' });
  if (!Array.isArray(polygons)) problems.push({ path: 'areas.polygons', message: 'must be a list of polygons' });
  if (!Array.isArray(circles)) problems.push({ path: 'areas.circles', message: 'must be a list of circles' });
  if (!Array.isArray(codes) || !Array.isArray(polygons) || !Array.isArray(circles)) return;
  if (codes.length + polygons.length + circles.length === 0) problems.push({ path: 'areas', message: 'name at least one jurisdiction, polygon or circle' });
  if (codes.length + polygons.length + circles.length > LIMITS.areasMax) problems.push({ path: 'areas', message: `at most ${LIMITS.areasMax} areas` });
  polygons.forEach((ring: unknown, i) => {
    const path = `areas.polygons[${i}]`;
    if (!Array.isArray(ring) || ring.length < 4) {
      problems.push({ path, message: 'a polygon is a closed ring of at least 4 [lat, lon] pairs' });
      return;
    }
    if (ring.length > LIMITS.polygonPairsMax) problems.push({ path, message: `at most ${LIMITS.polygonPairsMax} pairs` });
    const valid = ring.every((pair: unknown, p) => Array.isArray(pair) && pair.length === 2 && checkLatLon(problems, pair[0], pair[1], `${path}[${p}]`));
    if (!valid) return;
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) problems.push({ path, message: 'a polygon must end where it starts (closed ring)' });
  });
  circles.forEach((circle: unknown, i) => {
    const path = `areas.circles[${i}]`;
    if (!isObject(circle)) {
      problems.push({ path, message: 'must be {lat, lon, radiusKm}' });
      return;
    }
    checkLatLon(problems, circle.lat, circle.lon, path);
    if (typeof circle.radiusKm !== 'number' || !(circle.radiusKm > 0) || circle.radiusKm > 5000) problems.push({ path: `${path}.radiusKm`, message: 'must be a number of kilometres above 0 and at most 5000' });
  });
  if (polygons.length + circles.length > 0) checkString(problems, value.description, 'areas.description', 500, true);
}

function checkText(problems: ContentProblem[], value: unknown, path: string, required: boolean): void {
  if (value === undefined || value === null) {
    if (required) problems.push({ path, message: 'is required' });
    return;
  }
  if (!isObject(value)) {
    problems.push({ path, message: 'must be {headline, description, instruction}' });
    return;
  }
  checkString(problems, value.headline, `${path}.headline`, LIMITS.headlineMax, true);
  checkString(problems, value.description, `${path}.description`, LIMITS.descriptionMax, true);
  checkString(problems, value.instruction, `${path}.instruction`, LIMITS.instructionMax, false);
}

/**
 * Every problem of a drafted warning, each naming its field (for the compose page's live
 * validation). `now` bounds expiry: a warning must expire in the future and within 30 days.
 */
export function contentProblems(input: unknown, now: Date): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!isObject(input)) return [{ path: 'content', message: 'must be an object' }];
  if (input.status !== undefined && !(WARNING_CAP_STATUSES as readonly unknown[]).includes(input.status)) {
    problems.push({ path: 'status', message: `must be one of ${WARNING_CAP_STATUSES.join(', ')}` });
  }
  checkEnumList(problems, input.categories, 'categories', CAP_CATEGORIES, 1);
  if (!isObject(input.event)) problems.push({ path: 'event.zh', message: 'is required' });
  else {
    checkString(problems, input.event.zh, 'event.zh', LIMITS.eventMax, true);
    checkString(problems, input.event.en, 'event.en', LIMITS.eventMax, false);
  }
  checkEnumList(problems, input.responseTypes ?? [], 'responseTypes', CAP_RESPONSE_TYPES, 0);
  if (typeof input.certainty !== 'string' || !(CAP_CERTAINTIES as readonly string[]).includes(input.certainty)) {
    problems.push({ path: 'certainty', message: `must be one of ${CAP_CERTAINTIES.join(', ')}` });
  }
  if (typeof input.colour !== 'string' || !(WARNING_COLOURS as readonly string[]).includes(input.colour)) {
    problems.push({ path: 'colour', message: `must be one of ${WARNING_COLOURS.join(', ')}` });
  }
  const onset = checkTime(problems, input.onset, 'onset', false);
  const expires = checkTime(problems, input.expires, 'expires', true);
  if (expires !== undefined) {
    if (expires <= now.getTime()) problems.push({ path: 'expires', message: 'must be in the future' });
    else if (expires - now.getTime() > LIMITS.maxDurationMs) problems.push({ path: 'expires', message: 'must be within 30 days: update the warning to extend it' });
    if (onset !== undefined && onset >= expires) problems.push({ path: 'expires', message: 'must be after onset' });
  }
  const texts = isObject(input.texts) ? input.texts : undefined;
  if (texts === undefined) problems.push({ path: 'texts.zh', message: 'is required' });
  else {
    checkText(problems, texts.zh, 'texts.zh', true);
    checkText(problems, texts.en, 'texts.en', false);
    if (texts.en !== undefined && texts.en !== null && isObject(input.event) && (input.event.en === undefined || input.event.en === null || input.event.en === '')) {
      problems.push({ path: 'event.en', message: 'is required when there is an English text' });
    }
  }
  checkAreas(problems, input.areas);
  const resources = input.resources ?? [];
  if (!Array.isArray(resources)) problems.push({ path: 'resources', message: 'must be a list' });
  else {
    if (resources.length > LIMITS.resourcesMax) problems.push({ path: 'resources', message: `at most ${LIMITS.resourcesMax}` });
    resources.forEach((resource: unknown, i) => {
      const path = `resources[${i}]`;
      if (!isObject(resource)) {
        problems.push({ path, message: 'must be {resourceDesc, mimeType, uri}' });
        return;
      }
      checkString(problems, resource.resourceDesc, `${path}.resourceDesc`, 500, true);
      checkString(problems, resource.mimeType, `${path}.mimeType`, 200, true);
      if (resource.uri !== undefined && resource.uri !== null && (typeof resource.uri !== 'string' || !/^https?:\/\/\S+$/.test(resource.uri))) {
        problems.push({ path: `${path}.uri`, message: 'must be an http(s) URL' });
      }
    });
  }
  checkString(problems, input.contact, 'contact', 500, false);
  return problems;
}

/** The content in its stored form: defaults filled, texts trimmed, empty optionals dropped. */
export function normaliseContent(input: WarningContent): WarningContent {
  const text = (t: WarningText): WarningText => ({
    headline: t.headline.trim(),
    description: t.description.trim(),
    ...(t.instruction ? { instruction: t.instruction.trim() } : {}),
  });
  return {
    status: input.status ?? 'Actual',
    categories: [...new Set(input.categories)],
    event: { zh: input.event.zh.trim(), ...(input.event.en ? { en: input.event.en.trim() } : {}) },
    responseTypes: [...new Set(input.responseTypes ?? [])],
    certainty: input.certainty,
    colour: input.colour,
    ...(input.onset ? { onset: input.onset } : {}),
    expires: input.expires,
    texts: { zh: text(input.texts.zh), ...(input.texts.en ? { en: text(input.texts.en) } : {}) },
    areas: {
      jurisdictionCodes: [...new Set(input.areas.jurisdictionCodes ?? [])],
      polygons: (input.areas.polygons ?? []).map((ring) => ring.map(([lat, lon]) => [lat, lon] as const)),
      circles: (input.areas.circles ?? []).map((c) => ({ lat: c.lat, lon: c.lon, radiusKm: c.radiusKm })),
      ...(input.areas.description ? { description: input.areas.description.trim() } : {}),
    },
    resources: (input.resources ?? []).map((r) => ({
      resourceDesc: r.resourceDesc.trim(),
      mimeType: r.mimeType.trim(),
      ...(r.uri ? { uri: r.uri } : {}),
      ...(typeof r.size === 'number' ? { size: r.size } : {}),
    })),
    ...(input.contact ? { contact: input.contact.trim() } : {}),
    ...(input.incidentId ? { incidentId: input.incidentId } : {}),
  };
}

