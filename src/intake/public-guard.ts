import { TooManyRequestsError } from '../core/errors.js';
import type { Clock } from '../core/clock.js';

export interface PublicGuardLimits {
  /** Submissions per address per rolling minute. */
  readonly perMinute: number;
  /** Submissions per address per rolling day. */
  readonly perDay: number;
}

export const DEFAULT_PUBLIC_LIMITS: PublicGuardLimits = { perMinute: 10, perDay: 100 };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Texts remembered per address for duplicate detection. */
const RECENT_TEXTS = 20;
/** Addresses tracked before idle ones are swept. */
const SWEEP_AT = 10_000;

interface AddressState {
  /** Submission times in the last day, oldest first. */
  times: number[];
  texts: string[];
}

/**
 * Per-address throttling and recent texts for the public forms. Kept in memory per process: the
 * limit is per server process (N processes behind a balancer allow N × the limit), and a restart
 * forgets it. Good enough against a flood from one address; a shared limit belongs in the proxy.
 */
export interface PublicGuard {
  /** Counts one submission from `address`, or throws 429 with Retry-After when over a limit. */
  admit(address: string): void;
  recentTexts(address: string): readonly string[];
  rememberText(address: string, text: string): void;
}

export function createPublicGuard(clock: Clock, limits: PublicGuardLimits = DEFAULT_PUBLIC_LIMITS): PublicGuard {
  const states = new Map<string, AddressState>();

  function stateOf(address: string, now: number): AddressState {
    let state = states.get(address);
    if (state === undefined) {
      if (states.size >= SWEEP_AT) {
        for (const [key, s] of states) if (s.times.length === 0 || s.times[s.times.length - 1]! <= now - DAY) states.delete(key);
      }
      state = { times: [], texts: [] };
      states.set(address, state);
    }
    while (state.times.length > 0 && state.times[0]! <= now - DAY) state.times.shift();
    return state;
  }

  return {
    admit(address) {
      const now = clock.now().getTime();
      const state = stateOf(address, now);
      const lastMinute = state.times.filter((t) => t > now - MINUTE);
      if (lastMinute.length >= limits.perMinute) {
        throw new TooManyRequestsError('too many submissions from your address; try again in a minute', Math.max(1, Math.ceil((lastMinute[0]! + MINUTE - now) / 1000)));
      }
      if (state.times.length >= limits.perDay) {
        throw new TooManyRequestsError('too many submissions from your address today', Math.max(1, Math.ceil((state.times[0]! + DAY - now) / 1000)));
      }
      state.times.push(now);
    },
    recentTexts(address) {
      return states.get(address)?.texts ?? [];
    },
    rememberText(address, text) {
      const state = stateOf(address, clock.now().getTime());
      state.texts.push(text);
      if (state.texts.length > RECENT_TEXTS) state.texts.shift();
    },
  };
}
