import { newId } from '../../core/ids.js';
import { withUnitOfWork, type ServiceContext } from '../../platform/context.js';
import type { SendOutcome } from '../model.js';
import { insertInboxItem } from '../inbox-store.js';
import { grantPathOfUser } from '../recipient-store.js';
import type { ChannelLimits, NotificationChannel } from './channel.js';

/** The live-stream event that tells a user's open pages to reload their inbox. */
export const INBOX_EVENT = 'notification.inbox';

/**
 * The in-app inbox: the inbox row and the live event are written in one transaction, and the row
 * is unique per delivery, so a retried delivery never shows twice. The event carries ids only,
 * at the user's narrowest grant, and is addressed to that user (`recipientUserId`): the stream
 * sends it to nobody else.
 */
export function createInAppChannel(ctx: ServiceContext, limits: ChannelLimits): NotificationChannel {
  return {
    name: 'in_app',
    limits,
    async send(delivery): Promise<SendOutcome> {
      const inboxId = newId(ctx.clock.now().getTime());
      const path = await grantPathOfUser(ctx.db, delivery.address);
      const inserted = await withUnitOfWork(ctx, async (unit) => {
        const isNew = await insertInboxItem(unit.tx, {
          id: inboxId,
          user_id: delivery.address,
          delivery_id: delivery.id,
          kind: delivery.kind,
          subject_zh: delivery.subject,
          subject_en: typeof delivery.payload.subjectEn === 'string' ? delivery.payload.subjectEn : delivery.subject,
          body_zh: delivery.body,
          body_en: typeof delivery.payload.bodyEn === 'string' ? delivery.payload.bodyEn : delivery.body,
          link: delivery.link,
          ref_type: delivery.refType,
          ref_id: delivery.refId,
          created_at: unit.now.toISOString(),
          read_at: null,
        });
        if (isNew && path !== undefined) {
          await unit.emit({ type: INBOX_EVENT, jurisdictionPath: path, payload: { userId: delivery.address, recipientUserId: delivery.address, inboxId, kind: delivery.kind } });
        }
        return isNew;
      });
      return { ok: true, providerId: inserted ? inboxId : undefined };
    },
  };
}
