/**
 * The EDXL-RM lifecycle of one offer against a mutual-aid request (DOMAIN.md §3), as a pure
 * state machine:
 *
 *   offered ──commit──► committed ──dispatch──► dispatched ──arrive──► arrived ──release──► released ──return──► returned
 *      │                    │
 *      ├─decline (requester)└─cancel (requester, before dispatch: the quantity goes back to the request)
 *      └─withdraw (offerer)
 *
 * Each step says which side may take it: the requesting unit (commit, decline, cancel, arrive,
 * release) or the offering region (withdraw, dispatch, return). Nothing moves backwards.
 */
export const OFFER_STATUSES = ['offered', 'committed', 'dispatched', 'arrived', 'released', 'returned', 'declined', 'withdrawn', 'cancelled'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_ACTIONS = ['commit', 'decline', 'withdraw', 'cancel', 'dispatch', 'arrive', 'release', 'return'] as const;
export type OfferAction = (typeof OFFER_ACTIONS)[number];

export type Side = 'requester' | 'offerer';

interface Step {
  readonly from: OfferStatus;
  readonly to: OfferStatus;
  readonly by: Side;
}

const STEPS: Readonly<Record<OfferAction, Step>> = {
  commit: { from: 'offered', to: 'committed', by: 'requester' },
  decline: { from: 'offered', to: 'declined', by: 'requester' },
  withdraw: { from: 'offered', to: 'withdrawn', by: 'offerer' },
  cancel: { from: 'committed', to: 'cancelled', by: 'requester' },
  dispatch: { from: 'committed', to: 'dispatched', by: 'offerer' },
  arrive: { from: 'dispatched', to: 'arrived', by: 'requester' },
  release: { from: 'arrived', to: 'released', by: 'requester' },
  return: { from: 'released', to: 'returned', by: 'offerer' },
};

/** Statuses in which an offer's committed quantity counts against the request. */
export const HOLDING_STATUSES: readonly OfferStatus[] = ['committed', 'dispatched', 'arrived', 'released', 'returned'];

/** Statuses after which nothing more happens to an offer. */
export const FINAL_STATUSES: readonly OfferStatus[] = ['returned', 'declined', 'withdrawn', 'cancelled'];

export type StepCheck = { readonly ok: true; readonly to: OfferStatus } | { readonly ok: false; readonly reason: string };

/** Whether `action` may be taken by `side` on an offer in `from`; the reason names what is allowed. */
export function checkStep(from: OfferStatus, action: OfferAction, side: Side): StepCheck {
  const step = STEPS[action];
  if (step.from !== from) {
    const allowed = actionsFrom(from);
    return { ok: false, reason: `cannot ${action} an offer that is ${from}; allowed from ${from}: ${allowed.join(', ') || 'none'}` };
  }
  if (step.by !== side) return { ok: false, reason: `only the ${step.by === 'requester' ? 'requesting unit' : 'offering region'} may ${action} an offer` };
  return { ok: true, to: step.to };
}

/** The actions the state machine allows from `from` (either side). */
export function actionsFrom(from: OfferStatus): OfferAction[] {
  return OFFER_ACTIONS.filter((action) => STEPS[action].from === from);
}

/** The side that takes `action`. */
export function sideOf(action: OfferAction): Side {
  return STEPS[action].by;
}

export function isOfferStatus(value: string): value is OfferStatus {
  return (OFFER_STATUSES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- the request's own status

export const REQUEST_STATUSES = ['open', 'fulfilled', 'closed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Quantities compare with a tolerance: supplies may come in fractional units (tonnes). */
export const QUANTITY_EPSILON = 1e-9;

/**
 * A request is `fulfilled` once commitments cover its quantity and `open` while they do not;
 * `closed` (by the requester, when every holding offer is returned) and `cancelled` are final.
 */
export function requestStatusAfter(current: RequestStatus, quantity: number, committed: number): RequestStatus {
  if (current === 'closed' || current === 'cancelled') return current;
  return committed + QUANTITY_EPSILON >= quantity ? 'fulfilled' : 'open';
}

export interface CommitLine {
  readonly offerId: string;
  readonly quantity: number;
}

export interface OfferForCommit {
  readonly id: string;
  readonly status: OfferStatus;
  readonly quantity: number;
}

export type CommitCheck =
  | { readonly ok: true; readonly total: number }
  | { readonly ok: false; readonly field: string; readonly reason: string; readonly conflict: boolean };

/**
 * Reconciles a commit of one or more offers against the request: each line names an offer of
 * this request that is still `offered`, once, for a positive quantity no larger than offered;
 * together they may not exceed what the request still lacks (`quantity − committed`).
 * `conflict` marks refusals caused by the current state (409) rather than by bad input (400).
 */
export function checkCommit(request: { quantity: number; committed: number }, offers: readonly OfferForCommit[], lines: readonly CommitLine[]): CommitCheck {
  if (lines.length === 0) return { ok: false, field: 'lines', reason: 'name at least one offer to commit', conflict: false };
  const byId = new Map(offers.map((offer) => [offer.id, offer]));
  const seen = new Set<string>();
  let total = 0;
  for (const [i, line] of lines.entries()) {
    const field = `lines[${i}]`;
    if (seen.has(line.offerId)) return { ok: false, field: `${field}.offerId`, reason: `offer ${line.offerId} is named twice`, conflict: false };
    seen.add(line.offerId);
    if (!Number.isFinite(line.quantity) || line.quantity <= 0) return { ok: false, field: `${field}.quantity`, reason: 'must be greater than 0', conflict: false };
    const offer = byId.get(line.offerId);
    if (offer === undefined) return { ok: false, field: `${field}.offerId`, reason: `no offer ${line.offerId} on this request`, conflict: false };
    if (offer.status !== 'offered') return { ok: false, field: `${field}.offerId`, reason: `offer ${line.offerId} is ${offer.status}, not offered`, conflict: true };
    if (line.quantity > offer.quantity + QUANTITY_EPSILON) {
      return { ok: false, field: `${field}.quantity`, reason: `${line.quantity} is more than the ${offer.quantity} offered`, conflict: false };
    }
    total += line.quantity;
  }
  const remaining = request.quantity - request.committed;
  if (total > remaining + QUANTITY_EPSILON) {
    return { ok: false, field: 'lines', reason: `committing ${total} would exceed the request: ${request.committed} of ${request.quantity} already committed, ${Math.max(0, remaining)} still needed`, conflict: true };
  }
  return { ok: true, total };
}
