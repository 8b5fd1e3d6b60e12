import type { CsvColumn } from '../platform/http/csv.js';
import { allowedActions, type Warning, type WarningHistoryEntry } from './model.js';
import { capXmlUrl } from './publication.js';
import type { WarningBody } from './schema.js';
import type { CapPublisherSettings } from './settings.js';
import type { Setting } from './settings-service.js';
import type { AuthorityRules, IssuingLevel } from './authority-rules.js';
import type { Role } from '../core/roles.js';

/** The stable API shape of a warning message. */
export function presentWarning(warning: Warning, settings: CapPublisherSettings, names: ReadonlyMap<string, string> = new Map()): WarningBody {
  return {
    id: warning.id,
    lineageId: warning.lineageId,
    supersedesId: warning.supersedesId,
    origin: warning.origin,
    msgType: warning.msgType,
    state: warning.state,
    colour: warning.colour,
    jurisdictionCode: warning.jurisdictionCode,
    jurisdictionName: names.get(warning.jurisdictionCode) ?? null,
    headline: warning.headline,
    content: warning.content,
    imported: warning.imported,
    incidentId: warning.incidentId,
    expiresAt: warning.expiresAt,
    identifier: warning.identifier,
    sender: warning.sender,
    sent: warning.sent,
    capXmlUrl: warning.identifier !== null && warning.origin === 'local' && warning.capXml !== null ? capXmlUrl(settings, warning.identifier) : null,
    createdBy: warning.createdBy,
    createdByName: warning.createdByName,
    submittedBy: warning.submittedBy,
    approvedBy: warning.approvedBy,
    publishedBy: warning.publishedBy,
    rejectionReason: warning.rejectionReason,
    createdAt: warning.createdAt,
    updatedAt: warning.updatedAt,
    publishedAt: warning.publishedAt,
    allowedActions: allowedActions(warning),
  };
}

export function presentHistory(history: readonly WarningHistoryEntry[], lineage: readonly Warning[]) {
  return {
    history: history.map((h) => ({ id: h.id, action: h.action, detail: { ...h.detail }, actorId: h.actorId, actorName: h.actorName, at: h.at })),
    lineage: lineage.map((w) => ({ id: w.id, msgType: w.msgType, state: w.state, identifier: w.identifier, sent: w.sent })),
  };
}

export const WARNING_CSV_COLUMNS: readonly CsvColumn<WarningBody>[] = [
  { header: 'id', value: (w) => w.id },
  { header: 'identifier', value: (w) => w.identifier },
  { header: 'msg_type', value: (w) => w.msgType },
  { header: 'state', value: (w) => w.state },
  { header: 'colour', value: (w) => w.colour },
  { header: 'jurisdiction_code', value: (w) => w.jurisdictionCode },
  { header: 'headline', value: (w) => w.headline },
  { header: 'origin', value: (w) => w.origin },
  { header: 'sent', value: (w) => w.sent },
  { header: 'expires_at', value: (w) => w.expiresAt },
  { header: 'created_by', value: (w) => w.createdByName },
  { header: 'created_at', value: (w) => w.createdAt },
];

/** The rules as sent: plain arrays and objects. */
export function presentAuthorityRules(setting: Setting<AuthorityRules>) {
  const rules = Object.fromEntries(
    Object.entries(setting.value.rules).map(([level, row]) => [level, Object.fromEntries(Object.entries(row).map(([colour, rule]) => [colour, { ...rule }]))]),
  ) as { [L in keyof AuthorityRules['rules']]: { [C in keyof AuthorityRules['rules'][L]]: { mode: 'direct' | 'approval' | 'forbidden'; approverRole?: Role; approverLevel?: IssuingLevel } } };
  return { ...setting, value: { rules, twoPersonColours: [...setting.value.twoPersonColours] } };
}
