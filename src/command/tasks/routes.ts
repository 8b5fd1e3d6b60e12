import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { paged, sendCsv, wantsCsv } from '../../platform/http/csv.js';
import { readIdempotencyKey, type IdempotentResult } from '../../platform/idempotency.js';
import { assignTask, createTask, updateTask } from './service.js';
import { addTaskNote, changeTaskStatus, setTaskDependencies } from './workflow-service.js';
import { getBoard, getTask, listTasks } from './board-service.js';
import { endLiaison, grantLiaison, listLiaisons } from './liaison-service.js';
import { registerTaskJobs } from './jobs.js';
import type { TaskView } from './board-view.js';
import { TASK_CSV_COLUMNS, presentBoardIncident, presentLiaison, presentNote, presentTask } from './presenter.js';
import {
  AssignBody,
  BoardSchema,
  CreateTaskBody,
  DependenciesBody,
  GrantLiaisonBody,
  IdParam,
  LiaisonList,
  LiaisonSchema,
  NoteBody,
  NoteSchema,
  StatusBody,
  TaskDetailSchema,
  TaskListQuery,
  TaskPage,
  TaskSchema,
  UpdateTaskBody,
  type TaskBody,
} from './schema.js';

const tags = ['tasks'];
const CSV_PAGE = 2000;
const IDEMPOTENT = ' (optional Idempotency-Key: a retry returns the first answer)';

function idempotencyKey(request: FastifyRequest): string | undefined {
  return readIdempotencyKey(request.headers, false);
}

function sendResult<T>(reply: FastifyReply, result: IdempotentResult<T>, present: (value: T) => unknown) {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(result.statusCode).send(present(result.value));
}

const taskOf = (view: TaskView) => presentTask(view);

/**
 * Joint cross-department task boards per incident, and liaison assignments. Authorisation lives
 * in the services (they know each task's incident, unit and department); routes validate, call
 * and present. Registering the plugin also registers the tasks.escalate job.
 */
export const taskRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  await registerTaskJobs(app.deps);

  app.get('/api/v1/incidents/:id/tasks', {
    schema: { tags, summary: "An incident's joint task board as you may see it, with the critical path", params: IdParam, response: { 200: BoardSchema } },
  }, async (request) => {
    const board = await getBoard(serviceContext(request), request.params.id);
    return { ...board, incident: presentBoardIncident(board.incident), tasks: board.tasks.map(presentTask) };
  });

  app.post('/api/v1/incidents/:id/tasks', {
    schema: { tags, summary: `Put a task on the board (admin, commander, duty officer over the incident)${IDEMPOTENT}`, params: IdParam, body: CreateTaskBody, response: { 201: TaskSchema } },
  }, async (request, reply) => {
    const result = await createTask(serviceContext(request), { ...request.body, incidentId: request.params.id, idempotencyKey: idempotencyKey(request) });
    return sendResult(reply, result, taskOf);
  });

  app.get('/api/v1/tasks', {
    schema: {
      tags,
      summary: 'Tasks you may see across boards (filter by department, status, within, incident, overdue), oldest first; Accept: text/csv or ?format=csv streams them all',
      querystring: TaskListQuery,
      response: { 200: TaskPage },
    },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { limit, cursor, format: _format, incident, ...filter } = request.query;
    if (wantsCsv(request)) {
      const rows = paged(async (after: TaskBody | undefined, pageSize) =>
        (await listTasks(ctx, { ...filter, incidentId: incident, cursor: after?.id, limit: pageSize })).items.map(presentTask), CSV_PAGE);
      return sendCsv(reply, 'tasks.csv', TASK_CSV_COLUMNS, rows);
    }
    const page = await listTasks(ctx, { ...filter, incidentId: incident, cursor, limit });
    return { items: page.items.map(presentTask), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/tasks/:id', {
    schema: { tags, summary: 'One task with its progress notes', params: IdParam, response: { 200: TaskDetailSchema } },
  }, async (request) => {
    const { view, notes } = await getTask(serviceContext(request), request.params.id);
    return { task: presentTask(view), notes: notes.map(presentNote) };
  });

  app.patch('/api/v1/tasks/:id', {
    schema: { tags, summary: `Edit title, description, deadline or priority at the version you read (board managers; 409 when it changed)${IDEMPOTENT}`, params: IdParam, body: UpdateTaskBody, response: { 200: TaskSchema } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    return sendResult(reply, await updateTask(serviceContext(request), { id: request.params.id, version, changes, idempotencyKey: idempotencyKey(request) }), taskOf);
  });

  app.post('/api/v1/tasks/:id/assign', {
    schema: { tags, summary: `Give the task to another department or organisation (board managers) and/or owner (also the department holding it)${IDEMPOTENT}`, params: IdParam, body: AssignBody, response: { 200: TaskSchema } },
  }, async (request, reply) =>
    sendResult(reply, await assignTask(serviceContext(request), { ...request.body, id: request.params.id, idempotencyKey: idempotencyKey(request) }), taskOf));

  app.post('/api/v1/tasks/:id/status', {
    schema: {
      tags,
      summary: `Move the status: todo → in_progress → done, ↔ blocked (note), cancel (board managers, note); starting waits for every dependency${IDEMPOTENT}`,
      params: IdParam,
      body: StatusBody,
      response: { 200: TaskSchema },
    },
  }, async (request, reply) =>
    sendResult(reply, await changeTaskStatus(serviceContext(request), { ...request.body, id: request.params.id, idempotencyKey: idempotencyKey(request) }), taskOf));

  app.post('/api/v1/tasks/:id/notes', {
    schema: { tags, summary: `Add a progress note${IDEMPOTENT}`, params: IdParam, body: NoteBody, response: { 201: NoteSchema } },
  }, async (request, reply) =>
    sendResult(reply, await addTaskNote(serviceContext(request), { id: request.params.id, text: request.body.text, idempotencyKey: idempotencyKey(request) }), presentNote));

  app.put('/api/v1/tasks/:id/dependencies', {
    schema: { tags, summary: `Replace what the task waits for (board managers; a cycle is refused, naming it)${IDEMPOTENT}`, params: IdParam, body: DependenciesBody, response: { 200: TaskSchema } },
  }, async (request, reply) =>
    sendResult(reply, await setTaskDependencies(serviceContext(request), { ...request.body, id: request.params.id, idempotencyKey: idempotencyKey(request) }), taskOf));

  app.get('/api/v1/incidents/:id/liaisons', {
    schema: { tags, summary: "An incident's liaison assignments, newest first (board managers)", params: IdParam, response: { 200: LiaisonList } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const now = ctx.clock.now();
    return { items: (await listLiaisons(ctx, request.params.id)).map((l) => presentLiaison(l, now)) };
  });

  app.post('/api/v1/incidents/:id/liaisons', {
    schema: { tags, summary: `Give a department (of a unit and below) or a user temporary access to this incident's board across jurisdictions (commanders, admins)${IDEMPOTENT}`, params: IdParam, body: GrantLiaisonBody, response: { 201: LiaisonSchema } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const result = await grantLiaison(ctx, { ...request.body, incidentId: request.params.id, idempotencyKey: idempotencyKey(request) });
    return sendResult(reply, result, (l) => presentLiaison(l, ctx.clock.now()));
  });

  app.post('/api/v1/liaisons/:id/end', {
    schema: { tags, summary: `End a liaison now (commanders, admins over its incident)${IDEMPOTENT}`, params: IdParam, response: { 200: LiaisonSchema } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    return sendResult(reply, await endLiaison(ctx, { id: request.params.id, idempotencyKey: idempotencyKey(request) }), (l) => presentLiaison(l, ctx.clock.now()));
  });
};
