import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';

/** The logger interface used everywhere; pino's logger satisfies it, as does Fastify's request.log. */
export type Logger = FastifyBaseLogger;

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'seamless' } });
}
