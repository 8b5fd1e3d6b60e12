/**
 * The live-stream events the warnings room emits (`unit.emit({ type })` in src/warnings:
 * drafts.ts, lifecycle-service.ts, publication.ts, expiry.ts, import-service.ts). An approval,
 * an Update and a Cancel each publish a message, so they arrive as `warning.published`.
 */
export const WARNING_EVENTS = ['warning.drafted', 'warning.submitted', 'warning.rejected', 'warning.published', 'warning.expired', 'warning.imported'] as const;
