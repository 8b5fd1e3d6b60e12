import { createContext, useContext } from 'react';
import type { Meta, User } from '../api/types.js';

/** What every page may know about the person logged in and the scope they work in. */
export interface Session {
  user: User;
  meta: Meta | null;
  /** The working scope: a 12-digit jurisdiction code within the user's grants. */
  scope: string;
  setScope: (code: string) => void;
  /** Reloads the user (after changing their own password, for example). */
  refreshUser: () => Promise<void>;
  logOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionContext>');
  return session;
}

const scopeKey = (userId: string) => `seamless.scope.${userId}`;

/** The stored working scope, else the first grant, else the user's home jurisdiction. */
export function initialScope(user: User): string {
  return localStorage.getItem(scopeKey(user.id)) ?? user.grants[0]?.jurisdictionCode ?? user.homeJurisdictionCode;
}

export function storeScope(user: User, code: string): void {
  localStorage.setItem(scopeKey(user.id), code);
}
