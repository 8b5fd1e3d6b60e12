/** A domain event as stored in the outbox and sent on the live stream. */
export interface DomainEvent {
  /** Dotted type, "jurisdiction.updated", "user.created". */
  readonly type: string;
  /** Materialised path of the jurisdiction the event concerns: decides who may see it. */
  readonly jurisdictionPath: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface StoredEvent extends DomainEvent {
  readonly seq: number;
  readonly id: string;
  readonly createdAt: string;
}
