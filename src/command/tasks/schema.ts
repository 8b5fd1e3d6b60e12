import { Type, type Static } from 'typebox';
import { DEPARTMENT_TYPES } from '../../core/roles.js';
import { LIMITS, NOTE_KINDS, TASK_PRIORITIES, TASK_STATUSES } from './model.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const Id = Type.String({ minLength: 1, maxLength: LIMITS.idMax });
const Status = Type.Enum(TASK_STATUSES);
const Priority = Type.Enum(TASK_PRIORITIES);
const Department = Type.Enum(DEPARTMENT_TYPES);
const JurisdictionCode = Type.String({ minLength: 1, maxLength: 64, description: 'Padded (420100000000) or unpadded (4201) code' });
const DateTime = Type.String({ minLength: 1, maxLength: 40, description: 'ISO-8601 date-time with a time zone' });
const Version = Type.Integer({ minimum: 1, description: 'the version you read: a change made since then is a 409' });

export const IdParam = Type.Object({ id: Id });

export const CreateTaskBody = Type.Object(
  {
    titleZh: Type.String({ minLength: 1, maxLength: LIMITS.titleMax }),
    titleEn: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.titleMax }))),
    descriptionZh: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.descriptionMax }))),
    descriptionEn: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.descriptionMax }))),
    department: Type.Optional(Nullable(Department)),
    jurisdictionCode: Type.Optional(Nullable(JurisdictionCode)),
    organisationId: Type.Optional(Nullable(Id)),
    ownerId: Type.Optional(Nullable(Id)),
    deadline: Type.Optional(Nullable(DateTime)),
    priority: Type.Optional(Priority),
    dependsOn: Type.Optional(Type.Array(Id, { maxItems: LIMITS.dependenciesMax, description: 'ids of tasks on the same board that must be done first' })),
  },
  { additionalProperties: false, description: 'A department at a unit (department + jurisdictionCode), or an organisation (organisationId)' },
);
export type CreateTaskBody = Static<typeof CreateTaskBody>;

export const UpdateTaskBody = Type.Object(
  {
    version: Version,
    titleZh: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.titleMax })),
    titleEn: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.titleMax }))),
    descriptionZh: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.descriptionMax }))),
    descriptionEn: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.descriptionMax }))),
    deadline: Type.Optional(Nullable(DateTime)),
    priority: Type.Optional(Priority),
  },
  { additionalProperties: false, description: 'Fields to change; null clears a field' },
);

export const AssignBody = Type.Object(
  {
    version: Version,
    department: Type.Optional(Nullable(Department)),
    jurisdictionCode: Type.Optional(Nullable(JurisdictionCode)),
    organisationId: Type.Optional(Nullable(Id)),
    ownerId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false, description: 'A new department/organisation (board managers) and/or owner (null clears it)' },
);

export const StatusBody = Type.Object(
  {
    version: Version,
    to: Status,
    note: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.noteMax, description: 'required to block, cancel, reopen or restore' }))),
  },
  { additionalProperties: false },
);

export const NoteBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: LIMITS.noteMax }) }, { additionalProperties: false });

export const DependenciesBody = Type.Object(
  { version: Version, dependsOn: Type.Array(Id, { maxItems: LIMITS.dependenciesMax }) },
  { additionalProperties: false },
);

const Text = Type.Object({ zh: Type.String(), en: Nullable(Type.String()) });
const Rights = Type.Object({ work: Type.Boolean(), assignOwner: Type.Boolean(), manage: Type.Boolean() });

export const TaskSchema = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  title: Text,
  description: Type.Object({ zh: Nullable(Type.String()), en: Nullable(Type.String()) }),
  department: Nullable(Department),
  organisation: Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  jurisdictionCode: Type.String(),
  ownerId: Nullable(Type.String()),
  deadline: Nullable(Type.String()),
  priority: Priority,
  status: Status,
  blockedReason: Nullable(Type.String()),
  version: Type.Integer(),
  overdue: Type.Boolean(),
  overdueSince: Nullable(Type.String()),
  escalationStage: Type.Integer({ description: '0 none, 1 owner notified, 2 department head notified' }),
  dependsOn: Type.Array(
    Type.Object({ id: Type.String(), status: Status, title: Nullable(Text), department: Nullable(Department) }),
    { description: 'what this task waits for; title is null for a task you may not see' },
  ),
  waitingOn: Type.Array(Type.String(), { description: 'dependencies not done yet: the task cannot start until this is empty' }),
  blocks: Type.Array(Type.String(), { description: 'unfinished tasks you can see that wait for this one' }),
  canStart: Type.Boolean(),
  allowedMoves: Type.Array(Status, { description: 'statuses you may move it to now' }),
  rights: Rights,
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
  completedAt: Nullable(Type.String()),
});
export type TaskBody = Static<typeof TaskSchema>;

export const NoteSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(NOTE_KINDS),
  text: Type.String(),
  authorId: Type.String(),
  authorName: Type.String(),
  createdAt: Type.String(),
});

export const TaskDetailSchema = Type.Object({ task: TaskSchema, notes: Type.Array(NoteSchema) });

export const BoardSchema = Type.Object({
  incident: Type.Object({ id: Type.String(), number: Type.String(), title: Type.String(), status: Type.String(), jurisdictionCode: Type.String() }),
  tasks: Type.Array(TaskSchema),
  criticalPath: Type.Array(Type.String(), { description: 'the longest chain of unfinished work, first to last' }),
  canManage: Type.Boolean(),
  canManageLiaisons: Type.Boolean(),
});

const multi = <T extends Parameters<typeof Type.Array>[0]>(schema: T, description: string) =>
  Type.Optional(Type.Array(schema, { maxItems: 20, description: `${description}; repeat the parameter for several` }));

export const TaskListQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code: tasks whose incident or assigned unit lies there' })),
    department: multi(Department, 'department type'),
    status: multi(Status, 'status'),
    incident: Type.Optional(Id),
    overdue: Type.Optional(Type.Boolean({ description: 'only open tasks past their deadline' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    cursor: Type.Optional(Type.String({ maxLength: LIMITS.idMax, description: 'nextCursor of the previous page' })),
    format: Type.Optional(Type.Literal('csv')),
  },
  { additionalProperties: false },
);

export const TaskPage = Type.Object({ items: Type.Array(TaskSchema), nextCursor: Nullable(Type.String()) });

export const GrantLiaisonBody = Type.Object(
  {
    department: Type.Optional(Nullable(Department)),
    jurisdictionCode: Type.Optional(Nullable(JurisdictionCode)),
    userId: Type.Optional(Nullable(Id)),
    reason: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.reasonMax }))),
    startsAt: Type.Optional(Nullable(DateTime)),
    endsAt: DateTime,
  },
  { additionalProperties: false, description: 'A department of a unit (department + jurisdictionCode) or a user (userId)' },
);

export const LiaisonSchema = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  granteeKind: Type.Union([Type.Literal('department'), Type.Literal('user')]),
  department: Nullable(Department),
  jurisdictionCode: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  startsAt: Type.String(),
  endsAt: Type.String(),
  state: Type.Union([Type.Literal('scheduled'), Type.Literal('live'), Type.Literal('expired'), Type.Literal('ended')]),
  grantedBy: Type.String(),
  grantedByName: Type.String(),
  grantedAt: Type.String(),
  endedAt: Nullable(Type.String()),
});

export const LiaisonList = Type.Object({ items: Type.Array(LiaisonSchema) });
