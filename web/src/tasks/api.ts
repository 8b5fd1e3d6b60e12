import { api, query, request } from '../api/client.js';
import type { Page } from '../api/types.js';
import type { Incident } from '../incidents/types.js';
import type { Board, Liaison, NewLiaison, NewTask, Task, TaskNote, TaskStatus } from './types.js';

const task = (id: string) => `/api/v1/tasks/${encodeURIComponent(id)}`;
const incident = (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}`;
/** One key per submission, so a retry after a lost answer is not applied twice. */
const once = () => ({ headers: { 'idempotency-key': crypto.randomUUID() } });

export const fetchBoard = (incidentId: string) => api.get<Board>(`${incident(incidentId)}/tasks`);

export const fetchOpenIncidents = (within: string) =>
  api.get<Page<Incident>>(`/api/v1/incidents${query({ within, limit: 200 })}&status=reported&status=verified&status=responding&status=recovering`);

/** Incidents of the tasks given to me or my department anywhere (a liaison may reach across). */
export const fetchMyTaskIncidents = async () => [...new Set((await api.get<Page<Task>>('/api/v1/tasks?limit=500')).items.map((t) => t.incidentId))];

export const createTask = (incidentId: string, body: NewTask) => request<Task>('POST', `${incident(incidentId)}/tasks`, body, once());

export const fetchTask = (id: string) => api.get<{ task: Task; notes: TaskNote[] }>(task(id));

export const moveTask = (id: string, version: number, to: TaskStatus, note?: string) =>
  request<Task>('POST', `${task(id)}/status`, { version, to, ...(note ? { note } : {}) }, once());

export const addNote = (id: string, text: string) => request<TaskNote>('POST', `${task(id)}/notes`, { text }, once());

export const setOwner = (id: string, version: number, ownerId: string | null) => request<Task>('POST', `${task(id)}/assign`, { version, ownerId }, once());

export const fetchLiaisons = (incidentId: string) => api.get<{ items: Liaison[] }>(`${incident(incidentId)}/liaisons`);

export const grantLiaison = (incidentId: string, body: NewLiaison) => request<Liaison>('POST', `${incident(incidentId)}/liaisons`, body, once());

export const endLiaison = (id: string) => request<Liaison>('POST', `/api/v1/liaisons/${encodeURIComponent(id)}/end`, {}, once());

export const tasksCsvUrl = (incidentId: string, department: string) => `/api/v1/tasks${query({ incident: incidentId, department, format: 'csv' })}`;

export const updateTask = (id: string, version: number, changes: { priority?: string; deadline?: string | null }) =>
  request<Task>('PATCH', task(id), { version, ...changes }, once());

export const setDependencies = (id: string, version: number, dependsOn: string[]) =>
  request<Task>('PUT', `${task(id)}/dependencies`, { version, dependsOn }, once());
