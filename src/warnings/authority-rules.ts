import { InvalidInputError } from '../core/errors.js';
import { ROLES, type Role } from '../core/roles.js';
import { WARNING_COLOURS, type WarningColour } from '../core/warning-levels.js';

/** The levels that issue warnings (the country issues through its provinces' rules too: see policy.ts). */
export const ISSUING_LEVELS = ['province', 'city', 'county', 'township'] as const;
export type IssuingLevel = (typeof ISSUING_LEVELS)[number];

/**
 * What a unit of one level may do with one colour:
 * - `direct`: its officers publish without approval (unless the two-person rule applies);
 * - `approval`: someone holding `approverRole` at `approverLevel` or above, over the unit, approves;
 * - `forbidden`: the unit may not issue that colour at all.
 */
export type AuthorityRule =
  | { readonly mode: 'direct' }
  | { readonly mode: 'approval'; readonly approverRole: Role; readonly approverLevel: IssuingLevel }
  | { readonly mode: 'forbidden' };

export interface AuthorityRules {
  readonly rules: Readonly<Record<IssuingLevel, Readonly<Record<WarningColour, AuthorityRule>>>>;
  /** Colours for which the drafter may never be the one who approves (drafter ≠ approver). */
  readonly twoPersonColours: readonly WarningColour[];
}

const direct: AuthorityRule = { mode: 'direct' };
const approvedBy = (approverLevel: IssuingLevel): AuthorityRule => ({ mode: 'approval', approverRole: 'commander', approverLevel });

/**
 * Defaults (issue 5 §2): a county issues blue and yellow for its own area; orange needs a city
 * commander's approval, red a province commander's. A township's warnings are approved by its
 * county; a city issues up to yellow directly; a province issues up to orange directly. The
 * two-person rule is on for red and orange.
 */
export const DEFAULT_AUTHORITY_RULES: AuthorityRules = {
  rules: {
    province: { blue: direct, yellow: direct, orange: direct, red: approvedBy('province') },
    city: { blue: direct, yellow: direct, orange: approvedBy('city'), red: approvedBy('province') },
    county: { blue: direct, yellow: direct, orange: approvedBy('city'), red: approvedBy('province') },
    township: { blue: approvedBy('county'), yellow: approvedBy('county'), orange: approvedBy('city'), red: approvedBy('province') },
  },
  twoPersonColours: ['red', 'orange'],
};

const LEVEL_RANK: Readonly<Record<IssuingLevel, number>> = { province: 1, city: 2, county: 3, township: 4 };

/** True when `level` is `atLeast` or higher in the hierarchy (province is the highest issuing level). */
export function isLevelAtOrAbove(level: IssuingLevel, atLeast: IssuingLevel): boolean {
  return LEVEL_RANK[level] <= LEVEL_RANK[atLeast];
}

function checkRule(input: unknown, field: string, level: IssuingLevel): AuthorityRule {
  if (typeof input !== 'object' || input === null) throw InvalidInputError.forField(field, 'is required');
  const rule = input as Record<string, unknown>;
  if (rule.mode === 'direct' || rule.mode === 'forbidden') return { mode: rule.mode };
  if (rule.mode !== 'approval') throw InvalidInputError.forField(`${field}.mode`, 'must be one of direct, approval, forbidden');
  if (typeof rule.approverRole !== 'string' || !(ROLES as readonly string[]).includes(rule.approverRole)) {
    throw InvalidInputError.forField(`${field}.approverRole`, `must be one of ${ROLES.join(', ')}`);
  }
  if (typeof rule.approverLevel !== 'string' || !(ISSUING_LEVELS as readonly string[]).includes(rule.approverLevel)) {
    throw InvalidInputError.forField(`${field}.approverLevel`, `must be one of ${ISSUING_LEVELS.join(', ')}`);
  }
  const approverLevel = rule.approverLevel as IssuingLevel;
  // An approver below the issuing unit could not see the whole area the warning covers.
  if (!isLevelAtOrAbove(approverLevel, level)) throw InvalidInputError.forField(`${field}.approverLevel`, `must be ${level} or higher`);
  return { mode: 'approval', approverRole: rule.approverRole as Role, approverLevel };
}

/** Checks a full replacement of the rule table (every level × colour present). */
export function checkAuthorityRules(input: unknown, field = 'body'): AuthorityRules {
  if (typeof input !== 'object' || input === null) throw InvalidInputError.forField(field, 'must be an object');
  const body = input as Record<string, unknown>;
  const rulesIn = body.rules as Record<string, Record<string, unknown>> | undefined;
  if (typeof rulesIn !== 'object' || rulesIn === null) throw InvalidInputError.forField(`${field}.rules`, 'is required');
  const rules = {} as Record<IssuingLevel, Record<WarningColour, AuthorityRule>>;
  for (const level of ISSUING_LEVELS) {
    const row = rulesIn[level];
    if (typeof row !== 'object' || row === null) throw InvalidInputError.forField(`${field}.rules.${level}`, 'is required');
    rules[level] = {} as Record<WarningColour, AuthorityRule>;
    for (const colour of WARNING_COLOURS) rules[level][colour] = checkRule(row[colour], `${field}.rules.${level}.${colour}`, level);
  }
  const twoPerson = body.twoPersonColours;
  if (!Array.isArray(twoPerson)) throw InvalidInputError.forField(`${field}.twoPersonColours`, 'must be a list of colours');
  twoPerson.forEach((colour: unknown, i) => {
    if (typeof colour !== 'string' || !(WARNING_COLOURS as readonly string[]).includes(colour)) {
      throw InvalidInputError.forField(`${field}.twoPersonColours[${i}]`, 'must be red, orange, yellow or blue');
    }
  });
  return { rules, twoPersonColours: [...new Set(twoPerson as WarningColour[])] };
}
