/** Shapes of the tasks API as the browser sees them (see src/command/tasks/schema.ts). */

export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

/** Department types (src/core/roles.ts DEPARTMENT_TYPES); labels come from `departments.*`. */
export const DEPARTMENTS = [
  'emergency', 'health', 'economy_it', 'commerce', 'network', 'public_security', 'transport', 'natural_resources',
  'water', 'meteorology', 'civil_affairs', 'education', 'housing', 'agriculture', 'fire_rescue', 'other',
] as const;

export interface BilingualText {
  zh: string;
  en: string | null;
}

export interface Task {
  id: string;
  incidentId: string;
  title: BilingualText;
  description: { zh: string | null; en: string | null };
  department: string | null;
  organisation: { id: string; name: string | null } | null;
  jurisdictionCode: string;
  ownerId: string | null;
  deadline: string | null;
  priority: string;
  status: TaskStatus;
  blockedReason: string | null;
  version: number;
  overdue: boolean;
  overdueSince: string | null;
  escalationStage: number;
  dependsOn: { id: string; status: TaskStatus; title: BilingualText | null; department: string | null }[];
  waitingOn: string[];
  blocks: string[];
  canStart: boolean;
  allowedMoves: TaskStatus[];
  rights: { work: boolean; assignOwner: boolean; manage: boolean };
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface TaskNote {
  id: string;
  kind: 'note' | 'status' | 'assignment' | 'escalation';
  text: string;
  authorId: string;
  authorName: string;
  createdAt: string;
}

export interface Board {
  incident: { id: string; number: string; title: string; status: string; jurisdictionCode: string };
  tasks: Task[];
  criticalPath: string[];
  canManage: boolean;
  canManageLiaisons: boolean;
}

export interface NewTask {
  titleZh: string;
  titleEn?: string | null;
  department: string;
  jurisdictionCode: string;
  deadline?: string | null;
  priority: string;
  dependsOn: string[];
}

export interface Liaison {
  id: string;
  granteeKind: 'department' | 'user';
  department: string | null;
  jurisdictionCode: string | null;
  userId: string | null;
  reason: string | null;
  startsAt: string;
  endsAt: string;
  state: 'scheduled' | 'live' | 'expired' | 'ended';
  grantedByName: string;
  endedAt: string | null;
}

export interface NewLiaison {
  department?: string;
  jurisdictionCode?: string;
  userId?: string;
  reason?: string;
  endsAt: string;
}

/** The title in the reader's language, falling back to Chinese. */
export function titleIn(text: BilingualText, language: string): string {
  return language.startsWith('en') ? (text.en ?? text.zh) : text.zh;
}
