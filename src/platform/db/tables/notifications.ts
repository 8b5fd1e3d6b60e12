/** Row types of migration 0005-notifications (the shared notification service: channels, deliveries, subscriptions, inbox). */
export type NotificationsTables = Record<never, never>;
