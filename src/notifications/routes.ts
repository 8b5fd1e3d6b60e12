import type { FastifyPluginAsync } from 'fastify';

/** Routes of the shared notification service: channels, deliveries, subscriptions, inbox. */
export const notificationRoutes: FastifyPluginAsync = async () => {};
