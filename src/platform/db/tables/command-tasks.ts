/** Row types of migration 0008-command-tasks (joint cross-department task boards per incident and liaison assignments). */
export interface CommandTasksTables {
  command_tasks: CommandTasksTable;
  command_task_dependencies: CommandTaskDependenciesTable;
  command_task_notes: CommandTaskNotesTable;
  command_liaisons: CommandLiaisonsTable;
}

export interface CommandTasksTable {
  id: string;
  incident_id: string;
  incident_path: string;
  title_zh: string;
  title_en: string | null;
  description_zh: string | null;
  description_en: string | null;
  department: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  jurisdiction_code: string;
  jurisdiction_path: string;
  owner_id: string | null;
  deadline: string | null;
  priority: string;
  status: string;
  blocked_reason: string | null;
  version: number;
  escalation_stage: number;
  overdue_since: string | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  completed_at: string | null;
}

export interface CommandTaskDependenciesTable {
  task_id: string;
  depends_on_id: string;
  incident_id: string;
}

export interface CommandTaskNotesTable {
  id: string;
  task_id: string;
  /** note | status | assignment | escalation */
  kind: string;
  text: string;
  author_id: string;
  author_name: string;
  created_at: string;
}

export interface CommandLiaisonsTable {
  id: string;
  incident_id: string;
  incident_path: string;
  /** department | user */
  grantee_kind: string;
  department: string | null;
  jurisdiction_code: string | null;
  jurisdiction_path: string | null;
  user_id: string | null;
  reason: string | null;
  starts_at: string;
  ends_at: string;
  granted_by: string;
  granted_by_name: string;
  granted_at: string;
  ended_at: string | null;
  ended_by: string | null;
}
