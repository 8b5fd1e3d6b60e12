import type { NotificationSettings } from '../../platform/config.js';
import type { ServiceContext } from '../../platform/context.js';
import { findWebhook } from '../webhook-store.js';
import type { ChannelLimits, NotificationChannel } from './channel.js';
import { createEmailChannel } from './email-channel.js';
import { createInAppChannel } from './in-app-channel.js';
import { DEFAULT_SMS_BODY_TEMPLATE, createSmsChannel } from './sms-channel.js';
import { createWebhookChannel } from './webhook-channel.js';

function limits(rate: number, concurrency: number, timeoutMs: number): ChannelLimits {
  // A burst of one second's worth: an alert to many subscribers starts at full speed.
  return { ratePerSecond: rate, burst: Math.max(1, rate), concurrency, timeoutMs };
}

/** The four channels, configured from the settings; `ctx` is the system context the in-app channel writes with. */
export function buildChannels(ctx: ServiceContext, settings: NotificationSettings): NotificationChannel[] {
  const { rates, timeoutMs } = settings;
  // Alert messages to subscribers carry an unsubscribe link to the portal (subscription-links.ts).
  const links = { publicUrl: settings.publicUrl, serverKey: ctx.auditKey };
  return [
    createInAppChannel(ctx, limits(rates.in_app, 4, timeoutMs)),
    createEmailChannel(settings.smtpUrl === undefined ? undefined : { url: settings.smtpUrl, from: settings.smtpFrom }, limits(rates.email, 4, timeoutMs), links),
    createSmsChannel(
      settings.smsGatewayUrl === undefined
        ? undefined
        : { url: settings.smsGatewayUrl, authorization: settings.smsGatewayAuth, bodyTemplate: settings.smsBodyTemplate ?? DEFAULT_SMS_BODY_TEMPLATE },
      limits(rates.sms, 8, timeoutMs),
      links,
    ),
    createWebhookChannel({ limits: limits(rates.webhook, 16, timeoutMs), findWebhook: (id) => findWebhook(ctx.db, id), nowMs: () => ctx.clock.now().getTime() }),
  ];
}
