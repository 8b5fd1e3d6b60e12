import { InvalidInputError } from '../core/errors.js';
import { WARNING_COLOURS, type WarningColour } from '../core/warning-levels.js';
import { CAP_SEVERITIES, CAP_URGENCIES, type CapSeverity, type CapUrgency } from './cap/model.js';

/** What one warning colour becomes in CAP: the severity and urgency of every info block. */
export interface ColourMapping {
  readonly severity: CapSeverity;
  readonly urgency: CapUrgency;
}

export type ColourTable = Readonly<Record<WarningColour, ColourMapping>>;

/**
 * The default mapping of the four colours (DOMAIN.md §1: 一级 red is the highest) to CAP 1.2.
 * Severity follows the colour one to one, as national met services do when they publish CAP
 * (red Extreme … blue Minor); urgency says red and orange call for action now, yellow and blue
 * within the next hours. Admins may replace it (PUT /api/v1/warnings/settings/colour-table);
 * docs/warnings.md prints it.
 */
export const DEFAULT_COLOUR_TABLE: ColourTable = {
  red: { severity: 'Extreme', urgency: 'Immediate' },
  orange: { severity: 'Severe', urgency: 'Immediate' },
  yellow: { severity: 'Moderate', urgency: 'Expected' },
  blue: { severity: 'Minor', urgency: 'Expected' },
};

const SEVERITY_RANK: Readonly<Record<CapSeverity, number>> = { Unknown: 0, Minor: 1, Moderate: 2, Severe: 3, Extreme: 4 };

/**
 * Checks a replacement table: every colour mapped to known CAP values, and severity never lower
 * for a higher colour (a red warning less severe than a yellow one would confuse every reader).
 */
export function checkColourTable(input: unknown, field = 'body'): ColourTable {
  if (typeof input !== 'object' || input === null) throw InvalidInputError.forField(field, 'must be an object keyed by colour');
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(WARNING_COLOURS as readonly string[]).includes(key)) throw InvalidInputError.forField(`${field}.${key}`, 'is not a warning colour (red, orange, yellow, blue)');
  }
  const table = {} as Record<WarningColour, ColourMapping>;
  for (const colour of WARNING_COLOURS) {
    const entry = record[colour] as Record<string, unknown> | undefined;
    if (entry === undefined || typeof entry !== 'object' || entry === null) throw InvalidInputError.forField(`${field}.${colour}`, 'is required');
    const severity = entry.severity;
    const urgency = entry.urgency;
    if (typeof severity !== 'string' || !(CAP_SEVERITIES as readonly string[]).includes(severity)) {
      throw InvalidInputError.forField(`${field}.${colour}.severity`, `must be one of ${CAP_SEVERITIES.join(', ')}`);
    }
    if (typeof urgency !== 'string' || !(CAP_URGENCIES as readonly string[]).includes(urgency)) {
      throw InvalidInputError.forField(`${field}.${colour}.urgency`, `must be one of ${CAP_URGENCIES.join(', ')}`);
    }
    table[colour] = { severity: severity as CapSeverity, urgency: urgency as CapUrgency };
  }
  for (let i = 1; i < WARNING_COLOURS.length; i++) {
    const lower = WARNING_COLOURS[i - 1]!;
    const higher = WARNING_COLOURS[i]!;
    if (SEVERITY_RANK[table[higher].severity] < SEVERITY_RANK[table[lower].severity]) {
      throw InvalidInputError.forField(`${field}.${higher}.severity`, `must not be lower than ${lower}'s (${table[lower].severity})`);
    }
  }
  return table;
}

/** The colour carried by an info block's `warningLevel` parameter, if any. */
export function colourOfSeverity(table: ColourTable, severity: CapSeverity): WarningColour | undefined {
  return [...WARNING_COLOURS].reverse().find((colour) => table[colour].severity === severity);
}
