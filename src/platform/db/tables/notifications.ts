/** Row types of migration 0005-notifications (the shared notification service: channels, deliveries, subscriptions, inbox). */
export interface NotificationsTables {
  notification_deliveries: NotificationDeliveriesTable;
  notification_inbox: NotificationInboxTable;
  notification_webhooks: NotificationWebhooksTable;
  notification_subscriptions: NotificationSubscriptionsTable;
  notification_subscription_revision: NotificationSubscriptionRevisionTable;
  notification_contacts: NotificationContactsTable;
}

export interface NotificationDeliveriesTable {
  id: string;
  /** in_app | email | sms | webhook */
  channel: string;
  /** User id (in_app), e-mail address, phone number or webhook id. */
  address: string;
  kind: string;
  ref_type: string | null;
  ref_id: string | null;
  language: string;
  subject: string;
  body: string;
  link: string | null;
  /** JSON object of channel-specific extras. */
  payload_json: string;
  subscription_id: string | null;
  dedupe_key: string | null;
  /** queued | sending | delivered | failed | dead */
  state: string;
  attempts: number;
  max_attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  last_response_code: string | null;
  provider_id: string | null;
  jurisdiction_code: string | null;
  created_at: string;
  first_attempt_at: string | null;
  last_attempt_at: string | null;
  delivered_at: string | null;
  updated_at: string;
}

export interface NotificationInboxTable {
  id: string;
  user_id: string;
  delivery_id: string;
  kind: string;
  subject_zh: string;
  subject_en: string;
  body_zh: string;
  body_en: string;
  link: string | null;
  ref_type: string | null;
  ref_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationWebhooksTable {
  id: string;
  name: string;
  url: string;
  secret: string;
  /** JSON array of CAP categories; [] = every category. */
  categories_json: string;
  is_active: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface NotificationSubscriptionsTable {
  id: string;
  owner_user_id: string | null;
  channel: string;
  address: string;
  language: string;
  min_colour: string;
  categories_json: string;
  /** point | polygon | jurisdiction */
  area_kind: string;
  lat: number | null;
  lon: number | null;
  radius_km: number | null;
  polygon_json: string | null;
  min_lat: number | null;
  min_lon: number | null;
  max_lat: number | null;
  max_lon: number | null;
  jurisdiction_code: string | null;
  is_confirmed: number;
  confirm_token_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationSubscriptionRevisionTable {
  id: number;
  revision: number;
}

export interface NotificationContactsTable {
  user_id: string;
  email: string | null;
  phone: string | null;
  email_enabled: number;
  sms_enabled: number;
  language: string;
  updated_at: string;
}
