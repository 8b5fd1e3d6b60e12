/** API shapes of /api/v1/notifications (see src/notifications/schema.ts). */
export interface InboxItem {
  id: string;
  kind: string;
  subject: { zh: string; en: string };
  body: { zh: string; en: string };
  link: string | null;
  ref: { type: string; id: string } | null;
  createdAt: string;
  readAt: string | null;
}

export type SubscriptionArea =
  | { kind: 'point'; lat: number; lon: number; radiusKm: number }
  | { kind: 'polygon'; polygon: Array<[number, number]> }
  | { kind: 'jurisdiction'; jurisdictionCode: string };

export type Channel = 'in_app' | 'email' | 'sms' | 'webhook';
export type Colour = 'blue' | 'yellow' | 'orange' | 'red';

export interface Subscription {
  id: string;
  channel: Channel;
  address: string;
  language: 'zh-CN' | 'en';
  minColour: Colour;
  categories: string[];
  area: SubscriptionArea;
  isConfirmed: boolean;
  createdAt: string;
  updatedAt: string;
}

export type SubscriptionInput = Omit<Subscription, 'id' | 'isConfirmed' | 'createdAt' | 'updatedAt' | 'address'> & { address?: string };

export interface ContactSettings {
  email: string | null;
  phone: string | null;
  emailEnabled: boolean;
  smsEnabled: boolean;
  language: 'zh-CN' | 'en';
}

export const COLOURS: readonly Colour[] = ['blue', 'yellow', 'orange', 'red'];
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
