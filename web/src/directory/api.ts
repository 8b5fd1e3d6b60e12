import { api, query } from '../api/client.js';
import type { Organisation, Page, Person } from '../api/types.js';

export const listOrganisations = (within: string, kind?: string, cursor?: string | null) =>
  api.get<Page<Organisation>>(`/api/v1/organisations${query({ within, kind, cursor })}`);

export const listPeople = (within: string, kind?: string, cursor?: string | null) =>
  api.get<Page<Person>>(`/api/v1/people${query({ within, kind, cursor })}`);
