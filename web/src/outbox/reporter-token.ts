const STORAGE_KEY = 'seamless.reporterToken';

/** The registered folk professional's token on this device, sent as X-Reporter-Token. */
export function reporterToken(): string | undefined {
  return localStorage.getItem(STORAGE_KEY) ?? undefined;
}

export function storeReporterToken(token: string, reporterId: string, displayName: string): void {
  localStorage.setItem(STORAGE_KEY, token);
  localStorage.setItem(`${STORAGE_KEY}.reporter`, JSON.stringify({ reporterId, displayName }));
}

export function registeredReporter(): { reporterId: string; displayName: string } | undefined {
  if (!reporterToken()) return undefined;
  try {
    return JSON.parse(localStorage.getItem(`${STORAGE_KEY}.reporter`) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

export function forgetReporterToken(): void {
  localStorage.removeItem(STORAGE_KEY);
  localStorage.removeItem(`${STORAGE_KEY}.reporter`);
}
