import { InvalidInputError, NotFoundError } from '../core/errors.js';
import { COUNTRY_ROOT_CODE } from '../core/jurisdiction-code.js';
import type { ServiceContext } from '../platform/context.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import type { Jurisdiction } from '../jurisdictions/model.js';
import type { ReportFields } from './model.js';

export const ROOT_PATH = `/${COUNTRY_ROOT_CODE}/`;

/** Where a report was placed in the tree, or that it matched no unit. */
export interface ResolvedPlace {
  readonly unit: Jurisdiction | undefined;
  /** The place text to store: the reporter's, plus an unknown code so nothing they typed is lost. */
  readonly placeText: string | null;
}

/**
 * Matches a report's place to a unit by its jurisdiction code (a merged unit's successor counts).
 * Points are kept as given but never matched on their own: no boundary test decides a unit, so a
 * point without a code is flagged for a human. Unknown, malformed or abolished codes are flagged
 * too, never refused: a report is never dropped for its place.
 */
export async function resolvePlace(ctx: Pick<ServiceContext, 'db'>, fields: ReportFields): Promise<ResolvedPlace> {
  if (fields.jurisdictionCode === null) return { unit: undefined, placeText: fields.placeText };
  let unit: Jurisdiction | undefined;
  try {
    unit = await loadJurisdiction(ctx, fields.jurisdictionCode, 'jurisdictionCode');
    if (unit.status === 'merged' && unit.mergedInto !== null) unit = await loadJurisdiction(ctx, unit.mergedInto, 'jurisdictionCode');
    if (unit.status !== 'active') unit = undefined;
  } catch (error) {
    if (!(error instanceof NotFoundError || error instanceof InvalidInputError)) throw error;
    unit = undefined;
  }
  if (unit !== undefined) return { unit, placeText: fields.placeText };
  const note = `[code ${fields.jurisdictionCode}]`;
  return { unit: undefined, placeText: fields.placeText === null ? note : `${fields.placeText} ${note}` };
}
