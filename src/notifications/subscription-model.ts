import { CAP_CATEGORIES } from '../warnings/cap/model.js';
import { COUNTRY_ROOT_CODE, isChineseStatisticalCode, shortJurisdictionCode } from '../core/jurisdiction-code.js';
import { colourRank, type WarningColour } from '../core/warning-levels.js';
import type { AlertAudienceArea } from './contract.js';
import { boxesOverlap, circleBoundingBox, circlesTouch, circleTouchesRing, ringsTouch, type BoundingBox, type Circle, type Ring } from './area-geometry.js';
import { PreparedRing } from './prepared-ring.js';

/** Where a subscriber wants warnings for. */
export type SubscriptionArea =
  | { readonly kind: 'point'; readonly lat: number; readonly lon: number; readonly radiusKm: number }
  | { readonly kind: 'polygon'; readonly polygon: Ring }
  | { readonly kind: 'jurisdiction'; readonly jurisdictionCode: string };

/** Channels a subscription may use (`webhook` with a registered webhook's id: admins only). */
export const SUBSCRIPTION_CHANNELS = ['in_app', 'email', 'sms', 'webhook'] as const;
export type SubscriptionChannel = (typeof SUBSCRIPTION_CHANNELS)[number];

export interface Subscription {
  readonly id: string;
  readonly ownerUserId: string | null;
  readonly channel: SubscriptionChannel;
  readonly address: string;
  readonly language: 'zh-CN' | 'en';
  readonly minColour: WarningColour;
  /** CAP categories; empty means every category. */
  readonly categories: readonly string[];
  readonly area: SubscriptionArea;
  readonly isConfirmed: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The geometry part of a subscription, in the form the spatial index keeps. */
export type SubscriberShape =
  | { readonly kind: 'circle'; readonly circle: Circle }
  | { readonly kind: 'polygon'; readonly ring: Ring; readonly box: BoundingBox };

/** An alert area with its shapes' boxes computed once. */
export interface PreparedAlertArea {
  readonly circles: ReadonlyArray<{ readonly circle: Circle; readonly box: BoundingBox }>;
  readonly polygons: readonly PreparedRing[];
}

export function prepareAlertArea(area: AlertAudienceArea): PreparedAlertArea {
  return {
    circles: area.circles.map((circle) => ({ circle, box: circleBoundingBox(circle) })),
    polygons: area.polygons.map((ring) => new PreparedRing(ring)),
  };
}

export function shapeBoundingBox(shape: SubscriberShape): BoundingBox {
  return shape.kind === 'circle' ? circleBoundingBox(shape.circle) : shape.box;
}

/** The exact test: does the subscriber's circle or polygon touch any of the alert's shapes? */
export function shapeTouchesArea(shape: SubscriberShape, area: PreparedAlertArea): boolean {
  if (shape.kind === 'circle') {
    return area.polygons.some((p) => boxesOverlap(p.box, circleBoundingBox(shape.circle)) && p.touchesCircle(shape.circle)) || area.circles.some((c) => circlesTouch(shape.circle, c.circle));
  }
  return area.polygons.some((p) => ringsTouch(shape.ring, p.ring)) || area.circles.some((c) => circleTouchesRing(c.circle, shape.ring));
}

/**
 * Whether a subscriber's jurisdiction and an alert's jurisdiction overlap: the same unit, or one
 * contains the other. An alert for Hubei reaches a Wuhan subscriber (the province contains the
 * city); an alert for Jiang'an district reaches a Wuhan subscriber too (part of their city is
 * warned). Sibling units never match. Chinese 12-digit codes nest by their digits; other
 * hierarchies' codes match only themselves and the country root.
 */
export function jurisdictionsOverlap(subscriberCode: string, alertCode: string): boolean {
  if (subscriberCode === alertCode || subscriberCode === COUNTRY_ROOT_CODE || alertCode === COUNTRY_ROOT_CODE) return true;
  if (!isChineseStatisticalCode(subscriberCode) || !isChineseStatisticalCode(alertCode)) return false;
  const a = shortJurisdictionCode(subscriberCode);
  const b = shortJurisdictionCode(alertCode);
  return a.startsWith(b) || b.startsWith(a);
}

/** The codes a subscriber code must equal (the alert code's ancestors and itself) — descendants are a range. */
export function ancestorCodes(code: string): string[] {
  if (!isChineseStatisticalCode(code) || code === COUNTRY_ROOT_CODE) return [code, COUNTRY_ROOT_CODE];
  const short = shortJurisdictionCode(code);
  return [2, 4, 6, 9, 12].filter((n) => n <= short.length).map((n) => short.slice(0, n).padEnd(12, '0')).concat(COUNTRY_ROOT_CODE);
}

/** The range of 12-digit codes inside `code`'s unit (itself included), or undefined for other hierarchies. */
export function descendantRange(code: string): readonly [string, string] | undefined {
  // A national alert reaches every jurisdiction subscriber ("~" sorts after every code character).
  if (code === COUNTRY_ROOT_CODE) return ['', '~'];
  if (!isChineseStatisticalCode(code)) return undefined;
  const short = shortJurisdictionCode(code);
  return [short.padEnd(12, '0'), short.padEnd(12, '9')];
}

/** Categories as a bit mask (CAP's 12), so a million subscribers filter without strings. 0 = every category. */
export function categoryMask(categories: readonly string[]): number {
  let mask = 0;
  for (const category of categories) {
    const index = (CAP_CATEGORIES as readonly string[]).indexOf(category);
    if (index >= 0) mask |= 1 << index;
  }
  return mask;
}

/** Whether an alert of these categories and colour passes a subscriber's filters. */
export function passesFilters(subscriberMask: number, subscriberMinRank: number, alertMask: number, alertColour: WarningColour): boolean {
  return (subscriberMask === 0 || (subscriberMask & alertMask) !== 0) && colourRank(alertColour) >= subscriberMinRank;
}
