import type { ServiceContext, UnitOfWork } from '../platform/context.js';
import type { ChannelProgress, DeliveryState, DisseminateAlertProps, NotificationRef, NotifyUnitProps, NotifyUsersProps } from './contract.js';
import { CHANNEL_NAMES, DELIVERY_STATES, pickMessage } from './model.js';
import { enqueueDeliveries, type DeliveryDraft } from './enqueue.js';
import { countByChannelAndState } from './delivery-store.js';
import { activeUserIds, activeUsersGrantedAt, contactsOf } from './recipient-store.js';
import { findAlertRecipients } from './recipients.js';
import { findWebhooksByIds } from './webhook-store.js';
import { categoryMask } from './subscription-model.js';

/** Event every server process's dispatcher wakes on (published at the country root; payload is counts only). */
export const DELIVERIES_QUEUED_EVENT = 'notification.deliveries_queued';
const ROOT_PATH = '/000000000000/';

type Content = Omit<NotifyUsersProps, 'userIds'>;

async function announce(unit: UnitOfWork, enqueued: number, ref: NotificationRef | undefined): Promise<void> {
  if (enqueued === 0) return;
  await unit.emit({ type: DELIVERIES_QUEUED_EVENT, jurisdictionPath: ROOT_PATH, payload: { enqueued, ref: ref ?? null } });
}

/** In-app for every user, plus e-mail/SMS copies where the user gave an address and opted in. */
async function draftsForUsers(unit: UnitOfWork, userIds: readonly string[], content: Content, jurisdictionCode?: string): Promise<DeliveryDraft[]> {
  const users = await activeUserIds(unit.tx, [...new Set(userIds)]);
  const common = { kind: content.kind, ref: content.ref, link: content.link, dedupeKey: content.dedupeKey, jurisdictionCode };
  const drafts: DeliveryDraft[] = users.map((userId) => ({
    ...common,
    channel: 'in_app',
    address: userId,
    language: 'zh-CN',
    subject: content.subject.zh,
    body: content.body.zh,
    // The inbox shows either language, as the reader chooses.
    payload: { subjectEn: content.subject.en, bodyEn: content.body.en },
  }));
  for (const contact of await contactsOf(unit.tx, users)) {
    const language = contact.language === 'en' ? 'en' : 'zh-CN';
    const subject = language === 'en' ? content.subject.en : content.subject.zh;
    const body = language === 'en' ? content.body.en : content.body.zh;
    if (contact.email_enabled === 1 && contact.email !== null) drafts.push({ ...common, channel: 'email', address: contact.email, language, subject, body });
    if (contact.sms_enabled === 1 && contact.phone !== null) drafts.push({ ...common, channel: 'sms', address: contact.phone, language, subject, body });
  }
  return drafts;
}

/** Enqueues in-app (+ SSE, + e-mail/SMS where the user opted in) notifications to users, inside `unit`. */
export async function notifyUsers(ctx: ServiceContext, unit: UnitOfWork, props: NotifyUsersProps): Promise<{ enqueued: number }> {
  const { userIds, ...content } = props;
  const enqueued = await enqueueDeliveries(unit, await draftsForUsers(unit, userIds, content));
  ctx.log.debug({ kind: props.kind, enqueued }, 'notifications queued for users');
  await announce(unit, enqueued, props.ref);
  return { enqueued };
}

/** Enqueues notifications to the officers of one unit (grants exactly at the code), inside `unit`. */
export async function notifyUnit(ctx: ServiceContext, unit: UnitOfWork, props: NotifyUnitProps): Promise<{ enqueued: number }> {
  const { jurisdictionCode, roles, ...content } = props;
  const userIds = await activeUsersGrantedAt(unit.tx, jurisdictionCode, roles);
  const enqueued = await enqueueDeliveries(unit, await draftsForUsers(unit, userIds, content, jurisdictionCode));
  ctx.log.debug({ kind: props.kind, jurisdictionCode, enqueued }, 'notifications queued for a unit');
  await announce(unit, enqueued, props.ref);
  return { enqueued };
}

/** Matches subscribers of an alert's area (spatial index + codes) and enqueues their deliveries, inside `unit`. */
export async function disseminateAlert(ctx: ServiceContext, unit: UnitOfWork, props: DisseminateAlertProps): Promise<{ enqueued: number }> {
  const recipients = await findAlertRecipients(ctx.db, unit.tx, props);
  const alertMask = categoryMask(props.categories);
  // A webhook endpoint's own category list narrows what its subscriptions receive.
  const webhooks = await findWebhooksByIds(unit.tx, recipients.filter((s) => s.channel === 'webhook').map((s) => s.address));
  const drafts: DeliveryDraft[] = [];
  for (const s of recipients) {
    if (s.channel === 'webhook') {
      const hook = webhooks.get(s.address);
      if (hook === undefined || !hook.isActive) continue;
      const hookMask = categoryMask(hook.categories);
      if (hookMask !== 0 && (hookMask & alertMask) === 0) continue;
    }
    const message = pickMessage(props.messages, s.language);
    if (message === undefined) continue;
    drafts.push({
      channel: s.channel,
      address: s.address,
      kind: 'alert',
      ref: props.ref,
      language: message.language,
      subject: message.subject,
      body: message.body,
      link: props.capXmlUrl,
      subscriptionId: s.id,
      // One delivery per alert and address, however many of the address's subscriptions matched.
      dedupeKey: `${props.ref.type}:${props.ref.id}`,
      payload:
        s.channel === 'webhook'
          ? { colour: props.colour, categories: props.categories, capXmlUrl: props.capXmlUrl, capXml: props.capXml, messages: props.messages }
          : s.channel === 'in_app'
            ? { subjectEn: (pickMessage(props.messages, 'en') ?? message).subject, bodyEn: (pickMessage(props.messages, 'en') ?? message).body, colour: props.colour }
            : { colour: props.colour, capXmlUrl: props.capXmlUrl },
    });
  }
  const enqueued = await enqueueDeliveries(unit, drafts);
  await unit.audit({
    action: 'notification.disseminate',
    targetType: props.ref.type,
    targetId: props.ref.id,
    after: { matchedSubscriptions: recipients.length, enqueued, colour: props.colour, categories: props.categories },
  });
  ctx.log.info({ ref: props.ref, matched: recipients.length, enqueued }, 'alert disseminated');
  await announce(unit, enqueued, props.ref);
  return { enqueued };
}

/** Delivery counts per channel and state for one alert, order or task. */
export async function getDeliveryProgress(ctx: ServiceContext, ref: NotificationRef): Promise<ChannelProgress[]> {
  const rows = await countByChannelAndState(ctx.db, ref.type, ref.id);
  const channels = [...new Set(rows.map((r) => r.channel))].sort((a, b) => CHANNEL_NAMES.indexOf(a as never) - CHANNEL_NAMES.indexOf(b as never));
  return channels.map((channel) => {
    const counts = Object.fromEntries(DELIVERY_STATES.map((s) => [s, 0])) as Record<DeliveryState, number>;
    for (const r of rows) if (r.channel === channel && (DELIVERY_STATES as readonly string[]).includes(r.state)) counts[r.state as DeliveryState] += r.count;
    return { channel, counts };
  });
}
