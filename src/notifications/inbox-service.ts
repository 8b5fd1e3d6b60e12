import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import type { NotificationContactsTable } from '../platform/db/tables/notifications.js';
import { InvalidInputError } from '../core/errors.js';
import * as inbox from './inbox-store.js';
import { findContact, upsertContact } from './recipient-store.js';
import { normaliseAddress } from './subscription-validation.js';

export async function listMyInbox(ctx: ServiceContext, props: { unreadOnly: boolean; before?: string | undefined; limit: number }) {
  const [items, unread] = await Promise.all([inbox.listInbox(ctx.db, ctx.actor.id, props), inbox.countUnread(ctx.db, ctx.actor.id)]);
  return { items, unread };
}

/** Marks the caller's own items read; ids of other users' items are ignored. */
export async function markMyInboxRead(ctx: ServiceContext, ids: readonly string[] | 'all'): Promise<{ marked: number }> {
  return withUnitOfWork(ctx, async (unit) => {
    const marked = await inbox.markRead(unit.tx, ctx.actor.id, ids, unit.now.toISOString());
    if (marked.length > 0) await unit.audit({ action: 'inbox.mark_read', targetType: 'user', targetId: ctx.actor.id, after: { count: marked.length } });
    return { marked: marked.length };
  });
}

export interface ContactSettings {
  readonly email: string | null;
  readonly phone: string | null;
  readonly emailEnabled: boolean;
  readonly smsEnabled: boolean;
  readonly language: 'zh-CN' | 'en';
}

function toSettings(row: NotificationContactsTable | undefined): ContactSettings {
  return {
    email: row?.email ?? null,
    phone: row?.phone ?? null,
    emailEnabled: row?.email_enabled === 1,
    smsEnabled: row?.sms_enabled === 1,
    language: row?.language === 'en' ? 'en' : 'zh-CN',
  };
}

export async function getMyContact(ctx: ServiceContext): Promise<ContactSettings> {
  return toSettings(await findContact(ctx.db, ctx.actor.id));
}

/** Where the caller's own notifications are copied by e-mail and SMS (opt-in). Addresses are personal data. */
export async function setMyContact(ctx: ServiceContext, input: ContactSettings): Promise<ContactSettings> {
  const email = input.email === null || input.email.trim() === '' ? null : normaliseAddress('email', input.email, 'email');
  const phone = input.phone === null || input.phone.trim() === '' ? null : normaliseAddress('sms', input.phone, 'phone');
  if (input.emailEnabled && email === null) throw InvalidInputError.forField('email', 'is required to receive e-mail copies');
  if (input.smsEnabled && phone === null) throw InvalidInputError.forField('phone', 'is required to receive SMS copies');
  return withUnitOfWork(ctx, async (unit) => {
    const before = toSettings(await findContact(unit.tx, ctx.actor.id));
    const row: NotificationContactsTable = {
      user_id: ctx.actor.id,
      email,
      phone,
      email_enabled: input.emailEnabled ? 1 : 0,
      sms_enabled: input.smsEnabled ? 1 : 0,
      language: input.language,
      updated_at: unit.now.toISOString(),
    };
    await upsertContact(unit.tx, row);
    const after = toSettings(row);
    await unit.audit({ action: 'contact.update', targetType: 'user', targetId: ctx.actor.id, before: { ...before }, after: { ...after }, personalFields: ['email', 'phone'] });
    return after;
  });
}
