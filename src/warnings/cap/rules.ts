/**
 * Checks of a CAP alert as data: the values the XSD constrains (enumerations, date-times,
 * required content) and the rules it does not check (DOMAIN.md §2, CAP 1.2 §3), plus Seamless's
 * own (the `warningLevel` parameter, GB/T 2260 / GB/T 10114 geocodes). Works the same on an
 * imported message and on one composed in code, so the composer can check before it exports.
 * Paths name elements as in the XML: `/alert/info[0]/area[1]/polygon[0]`.
 */
import { isWarningColour, WARNING_COLOURS } from '../../core/warning-levels.js';
import { capDateTimeProblem } from './datetime.js';
import { parseCapCircle, parseCapPolygon } from './geometry.js';
import {
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_MSG_TYPES,
  CAP_RESPONSE_TYPES,
  CAP_SCOPES,
  CAP_SEVERITIES,
  CAP_STATUSES,
  CAP_URGENCIES,
  type CapAlert,
  type CapInfo,
  type CapProblem,
} from './model.js';
import { parseCapReferences } from './references.js';
import { ALERT, pathStep, type CapElementSpec } from './structure.js';

/** The `parameter` valueName that carries the four-colour warning level. */
export const WARNING_LEVEL_PARAMETER = 'warningLevel';

/** Message types that act on earlier messages named in `references` (CAP 1.2 §3.2.1, msgType). */
const NEEDS_REFERENCES = new Set(['Update', 'Cancel', 'Ack', 'Error']);
/** CAP 1.2 §3.2.1: identifier and sender "MUST NOT include spaces, commas or restricted characters (< and &)". */
const RESTRICTED_CHARACTERS = /[\s,<&]/;
/** xs:language (RFC 3066 shape). */
const LANGUAGE_TAG = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;
/** DESIGN.md "Jurisdiction codes": 6 digits to county level, 9 or 12 below. */
const GEOCODE_PATTERNS: Readonly<Record<string, { pattern: RegExp; expected: string }>> = {
  'GB/T 2260': { pattern: /^\d{6}$/, expected: '6 digits (county level and above)' },
  'GB/T 10114': { pattern: /^(\d{9}|\d{12})$/, expected: '9 or 12 digits (township or village)' },
};
// XML 1.0 §2.2 Char, negated: what an XML document cannot carry, even escaped (a lone surrogate
// is not a character either). MAYBE_NOT_XML is a quick pre-test that also matches valid pairs.
/* eslint-disable no-control-regex -- control characters are exactly what these find */
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

/** Whether `text` holds a character XML 1.0 cannot carry; the writer refuses such text. */
export function findNonXmlCharacter(text: string): string | undefined {
  // A plain character class first: the full test (with surrogate pairing) is slow on long texts.
  if (!MAYBE_NOT_XML.test(text)) return undefined;
  const match = NOT_XML_CHARACTER.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

function oneOf(problems: CapProblem[], path: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) problems.push({ path, message: `${JSON.stringify(value)} is not one of ${allowed.join(', ')}` });
}

/** Enumerated values outside CAP's lists. An alert without these problems fits the CapAlert type. */
export function enumerationProblems(alert: CapAlert): CapProblem[] {
  const problems: CapProblem[] = [];
  oneOf(problems, '/alert/status', alert.status, CAP_STATUSES);
  oneOf(problems, '/alert/msgType', alert.msgType, CAP_MSG_TYPES);
  oneOf(problems, '/alert/scope', alert.scope, CAP_SCOPES);
  alert.infos.forEach((info, i) => {
    const at = `/alert/info[${i}]`;
    info.categories.forEach((category, c) => oneOf(problems, `${at}/category[${c}]`, category, CAP_CATEGORIES));
    info.responseTypes.forEach((type, r) => oneOf(problems, `${at}/responseType[${r}]`, type, CAP_RESPONSE_TYPES));
    oneOf(problems, `${at}/urgency`, info.urgency, CAP_URGENCIES);
    oneOf(problems, `${at}/severity`, info.severity, CAP_SEVERITIES);
    oneOf(problems, `${at}/certainty`, info.certainty, CAP_CERTAINTIES);
  });
  return problems;
}

/**
 * Generic checks driven by the structure table: required text is not blank, required lists are
 * not empty, numbers are finite (size a whole number ≥ 0), every text can be written as XML.
 */
function contentProblems(node: Readonly<Record<string, unknown>>, specs: readonly CapElementSpec[], path: string, problems: CapProblem[]): void {
  for (const spec of specs) {
    const raw = node[spec.key];
    const values: unknown[] = raw === undefined ? [] : spec.repeated ? (Array.isArray(raw) ? raw : [raw]) : [raw];
    if (spec.required && values.length === 0) problems.push({ path: `${path}/${spec.element}`, message: `<${spec.element}> is required` });
    values.forEach((value, index) => {
      const at = `${path}/${pathStep(spec.element, index, spec.repeated)}`;
      if (Array.isArray(spec.value)) {
        contentProblems(value as Record<string, unknown>, spec.value, at, problems);
      } else if (spec.value === 'string') {
        if (typeof value !== 'string') return problems.push({ path: at, message: 'must be text' });
        const bad = findNonXmlCharacter(value);
        if (bad) problems.push({ path: at, message: `contains ${bad}, a character XML 1.0 cannot carry` });
        else if (spec.required && value.trim() === '') problems.push({ path: at, message: `<${spec.element}> is required and must not be blank` });
      } else if (typeof value !== 'number' || !Number.isFinite(value)) {
        problems.push({ path: at, message: `${String(value)} is not a number` });
      } else if (spec.value === 'integer' && (!Number.isSafeInteger(value) || value < 0)) {
        problems.push({ path: at, message: `${value} is not a whole number of bytes` });
      }
    });
  }
}

function alertRules(alert: CapAlert, problems: CapProblem[]): void {
  for (const field of ['identifier', 'sender'] as const) {
    if (RESTRICTED_CHARACTERS.test(alert[field])) problems.push({ path: `/alert/${field}`, message: `${JSON.stringify(alert[field])} must not contain spaces, commas, < or & (CAP 1.2 §3.2.1)` });
  }
  const sentProblem = capDateTimeProblem(alert.sent);
  if (sentProblem) problems.push({ path: '/alert/sent', message: sentProblem });
  if (alert.scope === 'Restricted' && !alert.restriction?.trim()) problems.push({ path: '/alert/restriction', message: 'is required when scope is Restricted: say who may see the message' });
  if (alert.scope === 'Private' && !alert.addresses?.trim()) problems.push({ path: '/alert/addresses', message: 'is required when scope is Private: list the recipients' });
  if (alert.references !== undefined) {
    for (const message of parseCapReferences(alert.references).problems) problems.push({ path: '/alert/references', message });
  } else if (NEEDS_REFERENCES.has(alert.msgType)) {
    problems.push({ path: '/alert/references', message: `is required for msgType ${alert.msgType}: name the earlier message(s) as "sender,identifier,sent"` });
  }
}

function infoRules(info: CapInfo, at: string, problems: CapProblem[]): void {
  if (info.language !== undefined && !LANGUAGE_TAG.test(info.language.trim())) problems.push({ path: `${at}/language`, message: `${JSON.stringify(info.language)} is not a language tag like zh-CN or en-US` });
  for (const field of ['effective', 'onset', 'expires'] as const) {
    const value = info[field];
    const problem = value === undefined ? undefined : capDateTimeProblem(value);
    if (problem) problems.push({ path: `${at}/${field}`, message: problem });
  }
  const levels = info.parameters.map((parameter, p) => ({ parameter, p })).filter(({ parameter }) => parameter.valueName === WARNING_LEVEL_PARAMETER);
  for (const { parameter, p } of levels) {
    if (!isWarningColour(parameter.value)) problems.push({ path: `${at}/parameter[${p}]/value`, message: `warningLevel ${JSON.stringify(parameter.value)} is not one of ${[...WARNING_COLOURS].reverse().join(', ')}` });
  }
  if (levels.length > 1) problems.push({ path: `${at}/parameter[${levels[1]!.p}]`, message: 'a second warningLevel parameter; an info block carries one colour' });
  info.areas.forEach((area, a) => {
    const areaAt = `${at}/area[${a}]`;
    area.polygons.forEach((polygon, p) => {
      const result = parseCapPolygon(polygon);
      if (!result.ok) for (const message of result.problems) problems.push({ path: `${areaAt}/polygon[${p}]`, message: `polygon ${message}` });
    });
    area.circles.forEach((circle, c) => {
      const result = parseCapCircle(circle);
      if (!result.ok) for (const message of result.problems) problems.push({ path: `${areaAt}/circle[${c}]`, message: `circle ${message}` });
    });
    area.geocodes.forEach((geocode, g) => {
      const rule = GEOCODE_PATTERNS[geocode.valueName];
      if (rule && !rule.pattern.test(geocode.value)) problems.push({ path: `${areaAt}/geocode[${g}]/value`, message: `${geocode.valueName} code ${JSON.stringify(geocode.value)} must be ${rule.expected}` });
    });
    // CAP 1.2 §3.2.4: ceiling "MUST NOT be used except in combination with the altitude element".
    if (area.ceiling !== undefined && area.altitude === undefined) problems.push({ path: `${areaAt}/ceiling`, message: 'needs <altitude>: a ceiling alone is not allowed' });
    if (area.ceiling !== undefined && area.altitude !== undefined && area.ceiling < area.altitude) problems.push({ path: `${areaAt}/ceiling`, message: `${area.ceiling} is below altitude ${area.altitude}` });
  });
}

/** Every problem of `alert` as CAP 1.2 and as a Seamless warning; empty when it is valid. */
export function checkCapAlert(alert: CapAlert): CapProblem[] {
  const problems = enumerationProblems(alert);
  contentProblems(alert as unknown as Record<string, unknown>, ALERT, '/alert', problems);
  alertRules(alert, problems);
  alert.infos.forEach((info, i) => infoRules(info, `/alert/info[${i}]`, problems));
  return problems;
}
