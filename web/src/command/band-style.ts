import type { Band, RecipientState } from './types.js';

/** Tree colours by roll-up band: green done, teal acknowledged, amber partial, grey none, red overdue. */
export const BAND_COLOURS: Readonly<Record<Band, string>> = {
  done: '#2e7d32',
  acknowledged: '#00897b',
  partial: '#f9a825',
  none: '#9e9e9e',
  overdue: '#c62828',
  empty: '#e0e0e0',
};

/** A unit's own state as a colour, for the "your units" list. */
export const STATE_COLOURS: Readonly<Record<RecipientState, string>> = {
  pending: '#e0e0e0',
  received: '#9e9e9e',
  acknowledged: '#00897b',
  forwarded: '#00897b',
  completed: '#2e7d32',
};
