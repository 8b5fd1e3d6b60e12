/** Time comes in through a Clock so that domain logic and tests never read the wall clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests and simulations. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(at: Date | string): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current = new Date(current.getTime() + ms);
    },
    set: (at: Date | string) => {
      current = new Date(at);
    },
  };
}

/** ISO-8601 UTC with milliseconds: the one text form timestamps take in storage and the API. */
export function toIso(date: Date): string {
  return date.toISOString();
}
