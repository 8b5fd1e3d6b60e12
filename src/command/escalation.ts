/** What the escalation sweep does next for one overdue duty (an acknowledgement or a completion). */
export type EscalationStep = 'remind_unit' | 'tell_parent';

export interface DutyState {
  readonly dueAt: string;
  readonly done: boolean;
  /** 0 nothing sent yet, 1 the unit was reminded, 2 its parent level was told. */
  readonly stage: number;
  readonly escalatedAt: string | null;
  readonly graceMinutes: number;
}

/**
 * Past the deadline and not done: remind the unit first; once the grace period after that
 * reminder has passed too, tell the parent level. Nothing after that: the roll-up and gap list
 * keep showing the unit as overdue.
 */
export function nextEscalation(duty: DutyState, now: Date): EscalationStep | null {
  if (duty.done || Date.parse(duty.dueAt) >= now.getTime()) return null;
  if (duty.stage === 0) return 'remind_unit';
  if (duty.stage === 1 && duty.escalatedAt !== null && Date.parse(duty.escalatedAt) + duty.graceMinutes * 60_000 <= now.getTime()) return 'tell_parent';
  return null;
}
