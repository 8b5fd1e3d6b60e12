import type { CsvColumn } from '../platform/http/csv.js';
import type { Organisation, PersonView } from './model.js';
import type { OrganisationBody, PersonBody } from './schema.js';

/** The stable API shape of an organisation. */
export function presentOrganisation(organisation: Organisation): OrganisationBody {
  return {
    id: organisation.id,
    kind: organisation.kind,
    departmentType: organisation.departmentType,
    nameZh: organisation.nameZh,
    nameEn: organisation.nameEn,
    jurisdictionCode: organisation.jurisdictionCode,
    jurisdictionName: organisation.jurisdictionName,
    parentId: organisation.parentId,
    phone: organisation.phone,
    email: organisation.email,
    address: organisation.address,
  };
}

/** The stable API shape of a person; phone and email are absent (not null) when hidden from the caller. */
export function presentPerson(person: PersonView): PersonBody {
  return {
    id: person.id,
    kind: person.kind,
    fullName: person.fullName,
    organisationId: person.organisationId,
    organisationName: person.organisationName,
    jurisdictionCode: person.jurisdictionCode,
    jurisdictionName: person.jurisdictionName,
    title: person.title,
    skills: [...person.skills],
    ...(person.contact === undefined ? {} : { phone: person.contact.phone, email: person.contact.email }),
    userId: person.userId,
  };
}

export const ORGANISATION_CSV_COLUMNS: readonly CsvColumn<OrganisationBody>[] = [
  { header: 'id', value: (o) => o.id },
  { header: 'kind', value: (o) => o.kind },
  { header: 'department_type', value: (o) => o.departmentType },
  { header: 'name_zh', value: (o) => o.nameZh },
  { header: 'name_en', value: (o) => o.nameEn },
  { header: 'jurisdiction_code', value: (o) => o.jurisdictionCode },
  { header: 'jurisdiction_name', value: (o) => o.jurisdictionName },
  { header: 'parent_id', value: (o) => o.parentId },
  { header: 'phone', value: (o) => o.phone },
  { header: 'email', value: (o) => o.email },
  { header: 'address', value: (o) => o.address },
];

/** Hidden personal fields come out as empty cells. */
export const PERSON_CSV_COLUMNS: readonly CsvColumn<PersonBody>[] = [
  { header: 'id', value: (p) => p.id },
  { header: 'kind', value: (p) => p.kind },
  { header: 'full_name', value: (p) => p.fullName },
  { header: 'organisation_id', value: (p) => p.organisationId },
  { header: 'organisation_name', value: (p) => p.organisationName },
  { header: 'jurisdiction_code', value: (p) => p.jurisdictionCode },
  { header: 'jurisdiction_name', value: (p) => p.jurisdictionName },
  { header: 'title', value: (p) => p.title },
  { header: 'skills', value: (p) => p.skills },
  { header: 'phone', value: (p) => p.phone },
  { header: 'email', value: (p) => p.email },
  { header: 'user_id', value: (p) => p.userId },
];
