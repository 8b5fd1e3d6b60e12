/**
 * CAP `references`: a space-separated list of "sender,identifier,sent" triples naming earlier
 * messages, used by Update, Cancel, Ack and Error (CAP 1.2 §3.2.1). Because spaces and commas
 * separate the parts, identifiers and senders may contain neither.
 */
import { InvalidInputError } from '../../core/errors.js';
import { capDateTimeProblem } from './datetime.js';
import type { CapAlert } from './model.js';

export interface CapReference {
  readonly sender: string;
  readonly identifier: string;
  readonly sent: string;
}

/** The reference to an existing message. */
export function referenceTo(alert: Pick<CapAlert, 'sender' | 'identifier' | 'sent'>): CapReference {
  return { sender: alert.sender, identifier: alert.identifier, sent: alert.sent };
}

/** Builds the `references` text; refuses parts that would make it unreadable. */
export function formatCapReferences(references: readonly CapReference[]): string {
  if (references.length === 0) throw InvalidInputError.forField('references', 'name at least one earlier message');
  return references
    .map((reference, index) => {
      for (const part of ['sender', 'identifier'] as const) {
        const value = reference[part];
        if (value === '' || /[\s,<&]/.test(value)) throw InvalidInputError.forField(`references[${index}].${part}`, `${JSON.stringify(value)} is empty or holds a space, comma, < or &`);
      }
      const timeProblem = capDateTimeProblem(reference.sent);
      if (timeProblem) throw InvalidInputError.forField(`references[${index}].sent`, timeProblem);
      return `${reference.sender},${reference.identifier},${reference.sent.trim()}`;
    })
    .join(' ');
}

/** Reads a `references` text into triples, naming each malformed one. */
export function parseCapReferences(text: string): { references: CapReference[]; problems: string[] } {
  const references: CapReference[] = [];
  const problems: string[] = [];
  const tokens = text.trim() === '' ? [] : text.trim().split(/\s+/);
  if (tokens.length === 0) problems.push('is empty; list earlier messages as "sender,identifier,sent"');
  tokens.forEach((token, index) => {
    const parts = token.split(',');
    if (parts.length !== 3 || parts.some((part) => part === '')) {
      problems.push(`reference ${index + 1} ${JSON.stringify(token)} is not "sender,identifier,sent"`);
      return;
    }
    const [sender, identifier, sent] = parts as [string, string, string];
    const timeProblem = capDateTimeProblem(sent);
    if (timeProblem) problems.push(`reference ${index + 1}: sent ${timeProblem}`);
    else references.push({ sender, identifier, sent });
  });
  return { references, problems };
}
