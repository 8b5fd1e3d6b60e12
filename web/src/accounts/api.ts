import { api, query, rememberCsrfToken } from '../api/client.js';
import type { ApiToken, Grant, IssuedToken, Meta, Page, User } from '../api/types.js';

export async function logIn(username: string, password: string): Promise<User> {
  const answer = await api.post<{ token: string; csrfToken: string; user: User }>('/api/v1/auth/login', {
    username,
    password,
  });
  rememberCsrfToken(answer.csrfToken);
  return answer.user;
}

export async function logOut(): Promise<void> {
  await api.post<void>('/api/v1/auth/logout');
  rememberCsrfToken(undefined);
}

export const fetchMe = () => api.get<User>('/api/v1/me');
export const fetchMeta = () => api.get<Meta>('/api/v1/meta');

export const changeOwnPassword = (currentPassword: string, newPassword: string) =>
  api.post<void>('/api/v1/me/password', { currentPassword, newPassword });

export const listUsers = (within: string, cursor?: string | null) =>
  api.get<Page<User>>(`/api/v1/users${query({ within, cursor })}`);

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  homeJurisdictionCode: string;
  locale?: string;
}
export const createUser = (user: NewUser) => api.post<User>('/api/v1/users', user);

export interface NewGrant {
  role: string;
  jurisdictionCode: string;
  department?: string;
}
export const grantRole = (userId: string, grant: NewGrant) =>
  api.post<Grant>(`/api/v1/users/${encodeURIComponent(userId)}/grants`, grant);
export const revokeGrant = (userId: string, grantId: string) =>
  api.delete(`/api/v1/users/${encodeURIComponent(userId)}/grants/${encodeURIComponent(grantId)}`);

export const deactivateUser = (userId: string) =>
  api.post<User>(`/api/v1/users/${encodeURIComponent(userId)}/deactivate`);
export const activateUser = (userId: string) => api.post<User>(`/api/v1/users/${encodeURIComponent(userId)}/activate`);
export const resetPassword = (userId: string, newPassword: string) =>
  api.post<void>(`/api/v1/users/${encodeURIComponent(userId)}/password`, { newPassword });

export const listTokens = (userId: string) =>
  api.get<Page<ApiToken>>(`/api/v1/users/${encodeURIComponent(userId)}/tokens`);
export const issueToken = (userId: string, name: string) =>
  api.post<IssuedToken>(`/api/v1/users/${encodeURIComponent(userId)}/tokens`, { name });
export const revokeToken = (tokenId: string) => api.delete(`/api/v1/tokens/${encodeURIComponent(tokenId)}`);
