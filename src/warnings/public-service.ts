import type { ServiceContext } from '../platform/context.js';
import { NotFoundError } from '../core/errors.js';
import type { CapAlert, CapInfo, CapMsgType } from './cap/model.js';
import type { WarningColour } from '../core/warning-levels.js';
import { parseCapXml } from './cap-codec.js';
import type { AtomEntry } from './atom-feed.js';
import { isCurrent, type PublicArea, type Warning } from './model.js';
import { capXmlUrl } from './publication.js';
import type { CapPublisherSettings } from './settings.js';
import * as store from './store.js';

/** At most this many current alerts on the public list and feed (newest first). */
export const PUBLIC_ALERTS_MAX = 500;

/** A current alert as the public portal shows it. */
export interface PublicAlert {
  readonly identifier: string;
  readonly msgType: CapMsgType;
  readonly colour: WarningColour | null;
  readonly sent: string;
  readonly expires: string | null;
  readonly event: { zh: string; en: string | null };
  readonly headline: { zh: string; en: string | null };
  readonly description: { zh: string; en: string | null };
  readonly instruction: { zh: string | null; en: string | null };
  readonly severity: string;
  readonly urgency: string;
  readonly areas: readonly PublicArea[];
  readonly capXmlUrl: string;
}

// Published XML never changes, so its parse is cached by identifier (bounded).
const parsedCache = new Map<string, CapAlert>();
const CACHE_MAX = 2000;

function parsedAlert(warning: Warning): CapAlert | undefined {
  const key = `${warning.sender} ${warning.identifier}`;
  const cached = parsedCache.get(key);
  if (cached !== undefined) return cached;
  const alert = parseCapXml(warning.capXml ?? '').alert;
  if (alert === undefined) return undefined;
  if (parsedCache.size >= CACHE_MAX) parsedCache.delete(parsedCache.keys().next().value!);
  parsedCache.set(key, alert);
  return alert;
}

function infoIn(alert: CapAlert, language: 'zh' | 'en'): CapInfo | undefined {
  return alert.infos.find((info) => (language === 'zh' ? (info.language ?? '').startsWith('zh') : (info.language ?? 'en-US').startsWith('en')));
}

/** The public shape of one published local message. */
export function toPublicAlert(warning: Warning, settings: CapPublisherSettings): PublicAlert | undefined {
  const alert = parsedAlert(warning);
  if (alert === undefined || warning.identifier === null) return undefined;
  const zh = infoIn(alert, 'zh') ?? alert.infos[0];
  const en = infoIn(alert, 'en');
  if (zh === undefined) return undefined;
  return {
    identifier: warning.identifier,
    msgType: warning.msgType,
    colour: warning.colour,
    sent: alert.sent,
    expires: zh.expires ?? null,
    event: { zh: zh.event, en: en?.event ?? null },
    headline: { zh: zh.headline ?? zh.event, en: en?.headline ?? null },
    description: { zh: zh.description ?? '', en: en?.description ?? null },
    instruction: { zh: zh.instruction ?? null, en: en?.instruction ?? null },
    severity: zh.severity,
    urgency: zh.urgency,
    areas: (warning.publicAreas ?? []).map((area) => ({ ...area })),
    capXmlUrl: capXmlUrl(settings, warning.identifier),
  };
}

/** Current local alerts (published, not superseded, cancelled or expired), newest first. */
export async function listCurrentAlerts(ctx: Pick<ServiceContext, 'db' | 'clock'>): Promise<Warning[]> {
  const now = ctx.clock.now();
  const rows = await store.listCurrent(ctx.db, now.toISOString(), PUBLIC_ALERTS_MAX);
  return rows.filter((w) => w.origin === 'local' && isCurrent(w, now));
}

export async function listPublicAlerts(ctx: Pick<ServiceContext, 'db' | 'clock'>, settings: CapPublisherSettings): Promise<PublicAlert[]> {
  return (await listCurrentAlerts(ctx)).map((w) => toPublicAlert(w, settings)).filter((a): a is PublicAlert => a !== undefined);
}

/** Feed entries of the current alerts, newest first: each links to its full CAP XML. */
export async function currentAlertEntries(ctx: Pick<ServiceContext, 'db' | 'clock'>, settings: CapPublisherSettings): Promise<AtomEntry[]> {
  return (await listPublicAlerts(ctx, settings)).map((alert) => ({
    id: alert.capXmlUrl,
    title: alert.headline.zh + (alert.headline.en ? ` / ${alert.headline.en}` : ''),
    summary: [alert.description.zh, alert.description.en].filter((d) => d).join('\n\n').slice(0, 1000),
    updated: alert.sent,
    author: settings.senderName.zh,
    link: { href: alert.capXmlUrl, type: 'application/cap+xml' },
    categories: [alert.colour ?? 'unknown', alert.severity],
  }));
}

/** The stored XML of a published local message, public by its identifier (the URL in the feed). */
export async function publicCapXml(ctx: Pick<ServiceContext, 'db'>, identifier: string): Promise<string> {
  const warning = await store.findByIdentifier(ctx.db, identifier);
  if (warning === undefined || warning.origin !== 'local' || warning.capXml === null) throw new NotFoundError(`identifier: no published alert ${identifier}`);
  return warning.capXml;
}
