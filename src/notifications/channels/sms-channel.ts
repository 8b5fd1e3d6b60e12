import type { Delivery, SendOutcome } from '../model.js';
import { classifyHttpStatus, networkFailure, type ChannelLimits, type NotificationChannel } from './channel.js';
import { alertUnsubscribeUrl, unsubscribeLine, type UnsubscribeLinkSettings } from '../subscription-links.js';

export interface SmsGatewaySettings {
  /** The gateway's send URL. */
  readonly url: string;
  /** Sent as the Authorization header when set (e.g. "Bearer …" or "Basic …"). */
  readonly authorization: string | undefined;
  /** JSON body with {{to}}, {{text}} and {{id}} placeholders; values are JSON-escaped. */
  readonly bodyTemplate: string;
}

export const DEFAULT_SMS_BODY_TEMPLATE = '{"to":"{{to}}","text":"{{text}}","reference":"{{id}}"}';

/** Longest text sent: 5 concatenated 70-character UCS-2 segments. */
export const SMS_MAX_CHARS = 350;

/**
 * The text of an SMS: subject and body, cut at the limit; an alert sent to a subscriber ends with
 * its unsubscribe link, which is never cut (the body is cut before it instead).
 */
export function smsText(delivery: Delivery, links?: UnsubscribeLinkSettings): string {
  const unsubscribe = alertUnsubscribeUrl(delivery, links);
  const suffix = unsubscribe === undefined ? '' : ` ${unsubscribeLine(delivery.language, unsubscribe)}`;
  const room = SMS_MAX_CHARS - [...suffix].length;
  const text = [...`${delivery.subject}: ${delivery.body}`];
  return (text.length <= room ? text.join('') : text.slice(0, room - 1).join('') + '…') + suffix;
}

/** Fills the gateway's body template; each value is escaped as the inside of a JSON string. */
export function renderSmsBody(template: string, values: { to: string; text: string; id: string }): string {
  const escape = (value: string): string => JSON.stringify(value).slice(1, -1);
  return template.replace(/\{\{(to|text|id)\}\}/g, (_, name: 'to' | 'text' | 'id') => escape(values[name]));
}

/** SMS through an HTTP gateway adapter (most Chinese and international SMS APIs take a JSON POST). */
export function createSmsChannel(settings: SmsGatewaySettings | undefined, limits: ChannelLimits, links?: UnsubscribeLinkSettings): NotificationChannel {
  return {
    name: 'sms',
    limits,
    async send(delivery, signal): Promise<SendOutcome> {
      // Retryable: once the operator configures the gateway, a requeue from the dead letters sends them.
      if (settings === undefined) return { ok: false, retryable: true, error: 'SMS is not configured (SEAMLESS_SMS_GATEWAY_URL)' };
      const body = renderSmsBody(settings.bodyTemplate, { to: delivery.address, text: smsText(delivery, links), id: delivery.id });
      try {
        const response = await fetch(settings.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            ...(settings.authorization !== undefined ? { authorization: settings.authorization } : {}),
          },
          body,
          signal,
        });
        const text = await response.text().catch(() => '');
        const outcome = classifyHttpStatus(response.status);
        if (!outcome.ok) return { ...outcome, error: `${outcome.error} ${text.slice(0, 200)}`.trim() };
        return { ...outcome, providerId: providerIdOf(text) };
      } catch (error) {
        return networkFailure(error, signal);
      }
    },
  };
}

/** The gateway's message id, when its JSON answer carries one (`id`, `messageId` or `message_id`). */
function providerIdOf(text: string): string | undefined {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const id = json.id ?? json.messageId ?? json.message_id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  } catch {
    return undefined;
  }
}
