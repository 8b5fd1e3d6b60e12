import type { Source } from './model.js';
import type { StoredItem } from './service.js';
import type { HealthBody, SourceBody } from './schema.js';

/** Where webhook senders POST, relative to the server's origin. */
export function webhookPath(sourceId: string): string {
  return `/public/webhooks/${sourceId}`;
}

export function presentHealth(source: Source): HealthBody {
  return {
    health: source.health,
    consecutiveFailures: source.consecutiveFailures,
    lastPolledAt: source.lastPolledAt,
    lastSuccessAt: source.lastSuccessAt,
    lastError: source.lastError,
    nextPollAt: source.nextPollAt,
    itemsTotal: source.itemsTotal,
  };
}

/** The API shape of a source; the webhook secret never leaves the server after creation. */
export function presentSource(source: Source): SourceBody {
  return {
    id: source.id,
    kind: source.kind,
    name: source.name,
    url: source.url,
    jurisdictionCode: source.jurisdictionCode,
    jurisdictionName: source.jurisdictionName,
    language: source.language,
    pollSeconds: source.pollSeconds,
    enabled: source.enabled,
    webhookPath: source.kind === 'webhook' ? webhookPath(source.id) : null,
    health: presentHealth(source),
    createdAt: source.createdAt,
    updatedAt: source.updatedAt,
  };
}

export function presentItem(item: StoredItem) {
  const { sourceId: _sourceId, ...rest } = item;
  return rest;
}
