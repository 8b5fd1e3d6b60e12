import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { InvalidInputError } from '../core/errors.js';
import { formatCapTime } from './cap-codec.js';
import { buildAtomFeed } from './atom-feed.js';
import { currentAlertEntries, listPublicAlerts, publicCapXml } from './public-service.js';
import { currentRiskAreaEntries } from './risk-areas/feed.js';
import { IdentifierParam, PublicAlertsResponse } from './schema.js';
import type { CapPublisherSettings } from './settings.js';

const tags = ['public'];
/** Feeds are polled by aggregators: a minute of caching keeps them cheap without going stale. */
const CACHE = 'public, max-age=60';

/**
 * The public alert routes (no log-in, DESIGN.md "Security"): each published alert's CAP XML,
 * the Atom index of current alerts (OASIS CAP feeds note) and the portal's JSON with geometry.
 */
export const publicAlertRoutes: FastifyPluginAsync<{ settings: CapPublisherSettings }> = async (instance, options) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { settings } = options;
  const ctxOf = () => ({ db: app.deps.database.db, clock: app.deps.clock });

  app.get('/public/alerts', {
    config: { public: true },
    schema: { tags, summary: 'Current alerts: colour, texts per language, areas with geometry where known (for the portal map)', response: { 200: PublicAlertsResponse } },
  }, async (_request, reply) => {
    const alerts = await listPublicAlerts(ctxOf(), settings);
    reply.header('cache-control', CACHE);
    return { updated: formatCapTime(app.deps.clock.now().toISOString(), settings.timeZone), alerts: alerts.map((a) => ({ ...a, areas: a.areas.map((area) => ({ ...area, circle: area.circle === null ? null : { center: [...area.circle.center], radiusKm: area.circle.radiusKm } })) })) };
  });

  app.get('/public/alerts.atom', {
    config: { public: true },
    schema: { tags, summary: 'Atom feed of current alerts (each entry links to the full CAP XML) and risk-area designations in force (< 900 KB)', response: { 200: Type.String() } },
  }, async (_request, reply) => {
    // Alerts first: when the size limit bites, risk-area entries are the ones left out.
    const entries = [...(await currentAlertEntries(ctxOf(), settings)), ...(await currentRiskAreaEntries(ctxOf(), settings.publicUrl))];
    const feed = buildAtomFeed({
      id: `${settings.publicUrl}/public/alerts.atom`,
      title: `${settings.senderName.zh}${settings.senderName.en ? ` / ${settings.senderName.en}` : ''}`,
      selfUrl: `${settings.publicUrl}/public/alerts.atom`,
      updated: entries[0]?.updated ?? formatCapTime(app.deps.clock.now().toISOString(), settings.timeZone),
      author: settings.senderName.zh,
      entries,
    });
    return reply.header('cache-control', CACHE).type('application/atom+xml; charset=utf-8').send(feed.xml);
  });

  app.get('/public/alerts/:file', {
    config: { public: true },
    schema: { tags, summary: 'The CAP 1.2 XML of a published alert, by its identifier: /public/alerts/{identifier}.xml', params: IdentifierParam, response: { 200: Type.String() } },
  }, async (request, reply) => {
    const identifier = request.params.file.replace(/\.xml$/, '');
    if (identifier === '') throw InvalidInputError.forField('identifier', 'is required');
    const xml = await publicCapXml(ctxOf(), identifier);
    return reply.header('cache-control', 'public, max-age=3600').type('application/cap+xml; charset=utf-8').send(xml);
  });
};
