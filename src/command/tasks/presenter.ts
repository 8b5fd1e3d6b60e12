import type { CsvColumn } from '../../platform/http/csv.js';
import type { Incident } from '../../incidents/service.js';
import type { TaskNote } from './model.js';
import type { TaskView } from './board-view.js';
import { liaisonState, type Liaison } from './liaison.js';
import type { TaskBody } from './schema.js';

/** The stable API shape of a task as one reader sees it. */
export function presentTask(view: TaskView): TaskBody {
  const t = view.task;
  return {
    id: t.id,
    incidentId: t.incidentId,
    title: { zh: t.title.zh, en: t.title.en },
    description: { zh: t.description.zh, en: t.description.en },
    department: t.department,
    organisation: t.organisationId === null ? null : { id: t.organisationId, name: t.organisationName },
    jurisdictionCode: t.jurisdictionCode,
    ownerId: t.ownerId,
    deadline: t.deadline,
    priority: t.priority,
    status: t.status,
    blockedReason: t.blockedReason,
    version: t.version,
    overdue: view.overdue,
    overdueSince: t.overdueSince,
    escalationStage: t.escalationStage,
    dependsOn: view.dependencies.map((d) => ({ id: d.id, status: d.status, title: d.title === null ? null : { zh: d.title.zh, en: d.title.en }, department: d.department })),
    waitingOn: [...view.waitingOn],
    blocks: [...view.blocks],
    canStart: view.waitingOn.length === 0,
    allowedMoves: [...view.moves],
    rights: { work: view.rights.work, assignOwner: view.rights.assignOwner, manage: view.rights.manage },
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    updatedBy: t.updatedBy,
    updatedAt: t.updatedAt,
    completedAt: t.completedAt,
  };
}

export function presentNote(note: TaskNote) {
  return { id: note.id, kind: note.kind, text: note.text, authorId: note.authorId, authorName: note.authorName, createdAt: note.createdAt };
}

export function presentBoardIncident(incident: Incident) {
  return { id: incident.id, number: incident.number, title: incident.title, status: incident.status, jurisdictionCode: incident.jurisdictionCode };
}

export function presentLiaison(liaison: Liaison, now: Date) {
  const g = liaison.grantee;
  return {
    id: liaison.id,
    incidentId: liaison.incidentId,
    granteeKind: g.kind,
    department: g.kind === 'department' ? g.department : null,
    jurisdictionCode: g.kind === 'department' ? g.jurisdictionCode : null,
    userId: g.kind === 'user' ? g.userId : null,
    reason: liaison.reason,
    startsAt: liaison.startsAt,
    endsAt: liaison.endsAt,
    state: liaisonState(liaison, now),
    grantedBy: liaison.grantedBy,
    grantedByName: liaison.grantedByName,
    grantedAt: liaison.grantedAt,
    endedAt: liaison.endedAt,
  };
}

export const TASK_CSV_COLUMNS: readonly CsvColumn<TaskBody>[] = [
  { header: 'id', value: (t) => t.id },
  { header: 'incident_id', value: (t) => t.incidentId },
  { header: 'title_zh', value: (t) => t.title.zh },
  { header: 'title_en', value: (t) => t.title.en },
  { header: 'department', value: (t) => t.department },
  { header: 'organisation', value: (t) => t.organisation?.name },
  { header: 'jurisdiction_code', value: (t) => t.jurisdictionCode },
  { header: 'owner_id', value: (t) => t.ownerId },
  { header: 'priority', value: (t) => t.priority },
  { header: 'status', value: (t) => t.status },
  { header: 'deadline', value: (t) => t.deadline },
  { header: 'overdue', value: (t) => (t.overdue ? 'yes' : 'no') },
  { header: 'depends_on', value: (t) => t.dependsOn.map((d) => d.id) },
  { header: 'waiting_on', value: (t) => t.waitingOn },
  { header: 'updated_at', value: (t) => t.updatedAt },
  { header: 'completed_at', value: (t) => t.completedAt },
];
