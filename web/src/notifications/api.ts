import { api, query, request } from '../api/client.js';
import type { ContactSettings, InboxItem, Subscription, SubscriptionInput } from './types.js';

const base = '/api/v1/notifications';

export const fetchInbox = (unreadOnly: boolean) => api.get<{ items: InboxItem[]; unread: number; nextBefore: string | null }>(`${base}/inbox${query({ unread: unreadOnly ? 'true' : undefined, limit: 100 })}`);
export const markRead = (ids: string[] | 'all') => api.post<{ marked: number }>(`${base}/inbox/read`, ids === 'all' ? { all: true } : { ids });
export const fetchSubscriptions = () => api.get<{ items: Subscription[] }>(`${base}/subscriptions`);
export const createSubscription = (input: SubscriptionInput) => api.post<Subscription>(`${base}/subscriptions`, input);
export const deleteSubscription = (id: string) => api.delete(`${base}/subscriptions/${encodeURIComponent(id)}`);
export const fetchContact = () => api.get<ContactSettings>(`${base}/contact`);
export const saveContact = (settings: ContactSettings) => request<ContactSettings>('PUT', `${base}/contact`, settings);
