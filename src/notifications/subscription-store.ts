import type { Db, Tx } from '../platform/db/database.js';
import type { NotificationSubscriptionsTable } from '../platform/db/tables/notifications.js';
import type { WarningColour } from '../core/warning-levels.js';
import { ringBoundingBox, type Ring } from './area-geometry.js';
import { categoryMask, type Subscription, type SubscriptionArea, type SubscriptionChannel } from './subscription-model.js';
import { pointShape, polygonShape, type SubscriberEntry } from './subscriber-index.js';

type Executor = Db | Tx;

const ID_CHUNK = 500;

export function toSubscription(row: NotificationSubscriptionsTable): Subscription {
  let area: SubscriptionArea;
  if (row.area_kind === 'polygon') area = { kind: 'polygon', polygon: JSON.parse(row.polygon_json ?? '[]') as Ring };
  else if (row.area_kind === 'point') area = { kind: 'point', lat: row.lat ?? 0, lon: row.lon ?? 0, radiusKm: row.radius_km ?? 0 };
  else area = { kind: 'jurisdiction', jurisdictionCode: row.jurisdiction_code ?? '' };
  return {
    id: row.id,
    ownerUserId: row.owner_user_id,
    channel: row.channel as SubscriptionChannel,
    address: row.address,
    language: row.language === 'en' ? 'en' : 'zh-CN',
    minColour: row.min_colour as WarningColour,
    categories: JSON.parse(row.categories_json) as string[],
    area,
    isConfirmed: row.is_confirmed === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function subscriptionRow(s: Subscription, confirmTokenHash: string | null): NotificationSubscriptionsTable {
  const area = s.area;
  const box = area.kind === 'polygon' ? ringBoundingBox(area.polygon) : undefined;
  return {
    id: s.id,
    owner_user_id: s.ownerUserId,
    channel: s.channel,
    address: s.address,
    language: s.language,
    min_colour: s.minColour,
    categories_json: JSON.stringify(s.categories),
    area_kind: area.kind,
    lat: area.kind === 'point' ? area.lat : null,
    lon: area.kind === 'point' ? area.lon : null,
    radius_km: area.kind === 'point' ? area.radiusKm : null,
    polygon_json: area.kind === 'polygon' ? JSON.stringify(area.polygon) : null,
    min_lat: box?.minLat ?? null,
    min_lon: box?.minLon ?? null,
    max_lat: box?.maxLat ?? null,
    max_lon: box?.maxLon ?? null,
    jurisdiction_code: area.kind === 'jurisdiction' ? area.jurisdictionCode : null,
    is_confirmed: s.isConfirmed ? 1 : 0,
    confirm_token_hash: confirmTokenHash,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

/** Every subscription change bumps the revision, so each process's spatial index knows it is stale. */
export async function bumpRevision(tx: Tx): Promise<void> {
  await tx.updateTable('notification_subscription_revision').set((eb) => ({ revision: eb('revision', '+', 1) })).where('id', '=', 1).execute();
}

export async function readRevision(db: Executor): Promise<number> {
  const row = await db.selectFrom('notification_subscription_revision').select('revision').where('id', '=', 1).executeTakeFirst();
  return row?.revision ?? 0;
}

export async function insertSubscription(tx: Tx, s: Subscription, confirmTokenHash: string | null): Promise<void> {
  await tx.insertInto('notification_subscriptions').values(subscriptionRow(s, confirmTokenHash)).execute();
  await bumpRevision(tx);
}

export async function updateSubscription(tx: Tx, s: Subscription): Promise<void> {
  const { id, created_at, confirm_token_hash, ...changes } = subscriptionRow(s, null);
  void created_at; void confirm_token_hash;
  await tx.updateTable('notification_subscriptions').set(changes).where('id', '=', id).execute();
  await bumpRevision(tx);
}

export async function deleteSubscription(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('notification_subscriptions').where('id', '=', id).execute();
  await bumpRevision(tx);
}

export async function findSubscription(db: Executor, id: string): Promise<Subscription | undefined> {
  const row = await db.selectFrom('notification_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toSubscription(row);
}

export async function findByConfirmToken(db: Executor, tokenHash: string): Promise<Subscription | undefined> {
  const row = await db.selectFrom('notification_subscriptions').selectAll().where('confirm_token_hash', '=', tokenHash).executeTakeFirst();
  return row === undefined ? undefined : toSubscription(row);
}

export async function confirmSubscription(tx: Tx, id: string, now: string): Promise<void> {
  await tx.updateTable('notification_subscriptions').set({ is_confirmed: 1, updated_at: now }).where('id', '=', id).execute();
  await bumpRevision(tx);
}

export async function listOwnSubscriptions(db: Executor, userId: string): Promise<Subscription[]> {
  const rows = await db.selectFrom('notification_subscriptions').selectAll().where('owner_user_id', '=', userId).orderBy('id').execute();
  return rows.map(toSubscription);
}

/** Confirmed point and polygon subscribers, in the form the spatial index is built from, by pages. */
export async function* loadIndexEntries(db: Executor, pageSize = 20_000): AsyncGenerator<SubscriberEntry[]> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('notification_subscriptions')
      .select(['id', 'area_kind', 'lat', 'lon', 'radius_km', 'polygon_json', 'categories_json', 'min_colour'])
      .where('is_confirmed', '=', 1)
      .where('area_kind', 'in', ['point', 'polygon'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      id: r.id,
      shape: r.area_kind === 'polygon' ? polygonShape(JSON.parse(r.polygon_json ?? '[]') as Ring) : pointShape(r.lat ?? 0, r.lon ?? 0, r.radius_km ?? 0),
      categoryMask: categoryMask(JSON.parse(r.categories_json) as string[]),
      minColour: r.min_colour as WarningColour,
    }));
    after = rows[rows.length - 1]!.id;
  }
}

/** Confirmed jurisdiction subscribers whose code equals one of `codes` or falls in one of `ranges`. */
export async function findByJurisdiction(db: Executor, codes: readonly string[], ranges: ReadonlyArray<readonly [string, string]>): Promise<Subscription[]> {
  if (codes.length === 0 && ranges.length === 0) return [];
  const rows = await db
    .selectFrom('notification_subscriptions')
    .selectAll()
    .where('is_confirmed', '=', 1)
    .where('area_kind', '=', 'jurisdiction')
    .where((eb) =>
      eb.or([
        ...(codes.length > 0 ? [eb('jurisdiction_code', 'in', [...codes])] : []),
        ...ranges.map(([from, to]) => eb.and([eb('jurisdiction_code', '>=', from), eb('jurisdiction_code', '<=', to)])),
      ]),
    )
    .execute();
  return rows.map(toSubscription);
}

/** The subscriptions with these ids (the spatial index's answer), by chunks. */
export async function findSubscriptionsByIds(db: Executor, ids: readonly string[]): Promise<Subscription[]> {
  const found: Subscription[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await db.selectFrom('notification_subscriptions').selectAll().where('id', 'in', ids.slice(i, i + ID_CHUNK)).execute();
    found.push(...rows.map(toSubscription));
  }
  return found;
}
