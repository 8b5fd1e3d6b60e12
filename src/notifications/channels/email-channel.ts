import nodemailer from 'nodemailer';
import type { Delivery, SendOutcome } from '../model.js';
import { networkFailure, type ChannelLimits, type NotificationChannel } from './channel.js';
import { alertUnsubscribeUrl, unsubscribeLine, type UnsubscribeLinkSettings } from '../subscription-links.js';

export interface SmtpSettings {
  /** `smtp://user:pass@host:port` or `smtps://…`. */
  readonly url: string;
  /** The From address. */
  readonly from: string;
}

/**
 * Plain-text e-mail: the body, then the link; an alert sent to a subscriber ends with its
 * unsubscribe link (also as List-Unsubscribe, which mail clients show as a button).
 * Message-ID is the delivery id, so a repeat is recognisable.
 */
export function emailMessage(delivery: Delivery, from: string, links?: UnsubscribeLinkSettings) {
  const parts = [delivery.body];
  if (delivery.link !== null) parts.push(delivery.link);
  const unsubscribe = alertUnsubscribeUrl(delivery, links);
  if (unsubscribe !== undefined) parts.push(unsubscribeLine(delivery.language, unsubscribe));
  return {
    from,
    to: delivery.address,
    subject: delivery.subject,
    text: parts.join('\n\n'),
    messageId: `<${delivery.id}@seamless.notifications>`,
    headers: { 'X-Seamless-Delivery': delivery.id, ...(unsubscribe !== undefined ? { 'List-Unsubscribe': `<${unsubscribe}>` } : {}) },
  };
}

/**
 * SMTP reply codes decide: 5xx (mailbox unknown, rejected) is permanent, 4xx (greylisted, busy)
 * and connection failures are retried.
 */
export function classifySmtpError(error: unknown, signal: AbortSignal): SendOutcome {
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  if (typeof responseCode === 'number') {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, retryable: responseCode < 500, error: message, responseCode: String(responseCode) };
  }
  return networkFailure(error, signal);
}

/** E-mail over SMTP with a small connection pool (nodemailer). */
export function createEmailChannel(settings: SmtpSettings | undefined, limits: ChannelLimits, links?: UnsubscribeLinkSettings): NotificationChannel {
  const transport =
    settings === undefined
      ? undefined
      : nodemailer.createTransport({
          url: settings.url,
          pool: true,
          maxConnections: limits.concurrency,
          connectionTimeout: limits.timeoutMs,
          greetingTimeout: limits.timeoutMs,
          socketTimeout: limits.timeoutMs,
        } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    name: 'email',
    limits,
    async send(delivery, signal): Promise<SendOutcome> {
      if (transport === undefined || settings === undefined) return { ok: false, retryable: true, error: 'e-mail is not configured (SEAMLESS_SMTP_URL)' };
      try {
        const aborted = new Promise<never>((_, reject) => {
          signal.addEventListener('abort', () => reject(new Error('timed out')), { once: true });
        });
        const info = (await Promise.race([transport.sendMail(emailMessage(delivery, settings.from, links)), aborted])) as { messageId?: string; response?: string };
        return { ok: true, responseCode: info.response?.slice(0, 3), providerId: info.messageId };
      } catch (error) {
        return classifySmtpError(error, signal);
      }
    },
    close: async () => transport?.close(),
  };
}
