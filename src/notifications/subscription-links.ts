import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Delivery } from './model.js';

/**
 * Links that a public subscriber follows from a message: the portal's confirm and unsubscribe
 * pages (`/#/public/subscriptions/…`), never the JSON endpoints — a person opens them in a browser.
 *
 * The unsubscribe token of a subscription is `<id>.<mac>`: an HMAC of the id under a key derived
 * from the server's audit key. It needs no stored secret (so every alert message can carry it
 * without a database read per send), it unsubscribes exactly that subscription, and it cannot be
 * forged from an id alone. The confirmation token (random, stored hashed) has no dot.
 */

const PURPOSE = 'seamless/public-subscription-unsubscribe/v1';

function linkKey(serverKey: string): Buffer {
  // Domain separation: the audit key itself never signs anything but audit records.
  return createHmac('sha256', serverKey).update(PURPOSE).digest();
}

function mac(serverKey: string, subscriptionId: string): string {
  return createHmac('sha256', linkKey(serverKey)).update(subscriptionId).digest('base64url');
}

export function unsubscribeToken(serverKey: string, subscriptionId: string): string {
  return `${subscriptionId}.${mac(serverKey, subscriptionId)}`;
}

/** The subscription id an unsubscribe token was made for; undefined when it is not one (or forged). */
export function subscriptionIdOfUnsubscribeToken(serverKey: string, token: string): string | undefined {
  const dot = token.indexOf('.');
  if (dot <= 0) return undefined;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(serverKey, id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}

export function portalConfirmUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/#/public/subscriptions/confirm?token=${encodeURIComponent(token)}`;
}

export function portalUnsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/#/public/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** What the e-mail and SMS channels need to add an unsubscribe link to alert messages. */
export interface UnsubscribeLinkSettings {
  readonly publicUrl: string;
  readonly serverKey: string;
}

/**
 * The unsubscribe link an alert delivery carries: only alerts sent because of a subscription
 * (`subscriptionId`) by e-mail or SMS; orders, tasks and confirmations have none.
 */
export function alertUnsubscribeUrl(delivery: Pick<Delivery, 'kind' | 'channel' | 'subscriptionId'>, settings: UnsubscribeLinkSettings | undefined): string | undefined {
  if (settings === undefined || delivery.kind !== 'alert' || delivery.subscriptionId === null) return undefined;
  if (delivery.channel !== 'email' && delivery.channel !== 'sms') return undefined;
  return portalUnsubscribeUrl(settings.publicUrl, unsubscribeToken(settings.serverKey, delivery.subscriptionId));
}

/** The line that ends an alert message, in the message's language. */
export function unsubscribeLine(language: 'zh-CN' | 'en', url: string): string {
  return language === 'en' ? `Unsubscribe: ${url}` : `退订：${url}`;
}
