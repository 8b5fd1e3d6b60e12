import { Type, type Static } from 'typebox';
import { DEPARTMENT_TYPES } from '../core/roles.js';
import { LIMITS, ORGANISATION_KINDS, PERSON_KINDS } from './model.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const OrganisationKind = Type.Enum(ORGANISATION_KINDS);
const PersonKind = Type.Enum(PERSON_KINDS);
const DepartmentType = Type.Enum(DEPARTMENT_TYPES);
const Id = Type.String({ minLength: 1, maxLength: LIMITS.idMax });
const JurisdictionCode = Type.String({ minLength: 1, maxLength: 64, description: 'Padded (420100000000) or unpadded (4201) code' });
const Phone = Type.String({ maxLength: LIMITS.phoneMax });
const Email = Type.String({ maxLength: LIMITS.emailMax });
const Skills = Type.Array(Type.String({ maxLength: LIMITS.skillMax }), { maxItems: LIMITS.skillsMax, description: 'short tags' });

export const IdParam = Type.Object({ id: Id });

// ---------------------------------------------------------------- organisations

const organisationWritable = {
  kind: OrganisationKind,
  departmentType: Type.Optional(Nullable(DepartmentType)),
  nameZh: Type.String({ minLength: 1, maxLength: LIMITS.nameMax }),
  nameEn: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.nameEnMax }))),
  jurisdictionCode: JurisdictionCode,
  parentId: Type.Optional(Nullable(Id)),
  phone: Type.Optional(Nullable(Phone)),
  email: Type.Optional(Nullable(Email)),
  address: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.addressMax }))),
};

export const CreateOrganisationBody = Type.Object(organisationWritable, { additionalProperties: false });
export type CreateOrganisationBody = Static<typeof CreateOrganisationBody>;

export const UpdateOrganisationBody = Type.Object(
  {
    kind: Type.Optional(OrganisationKind),
    departmentType: organisationWritable.departmentType,
    nameZh: Type.Optional(organisationWritable.nameZh),
    nameEn: organisationWritable.nameEn,
    jurisdictionCode: Type.Optional(JurisdictionCode),
    parentId: organisationWritable.parentId,
    phone: organisationWritable.phone,
    email: organisationWritable.email,
    address: organisationWritable.address,
  },
  { additionalProperties: false, description: 'Fields to change; null clears a field' },
);
export type UpdateOrganisationBody = Static<typeof UpdateOrganisationBody>;

export const OrganisationSchema = Type.Object({
  id: Type.String(),
  kind: OrganisationKind,
  departmentType: Nullable(DepartmentType),
  nameZh: Type.String(),
  nameEn: Nullable(Type.String()),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  parentId: Nullable(Type.String()),
  phone: Type.Optional(Nullable(Type.String())),
  email: Type.Optional(Nullable(Type.String())),
  address: Type.Optional(Nullable(Type.String())),
});
export type OrganisationBody = Static<typeof OrganisationSchema>;

const listQuery = {
  within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code; default: your whole scope' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'name substring' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: LIMITS.idMax, description: 'nextCursor of the previous page' })),
  format: Type.Optional(Type.Literal('csv')),
};

export const OrganisationListQuery = Type.Object(
  { ...listQuery, kind: Type.Optional(OrganisationKind), departmentType: Type.Optional(DepartmentType) },
  { additionalProperties: false },
);
export type OrganisationListQuery = Static<typeof OrganisationListQuery>;

export const OrganisationPage = Type.Object({ items: Type.Array(OrganisationSchema), nextCursor: Nullable(Type.String()) });

// ---------------------------------------------------------------- people

const personWritable = {
  kind: PersonKind,
  fullName: Type.String({ minLength: 1, maxLength: LIMITS.nameMax }),
  organisationId: Type.Optional(Nullable(Id)),
  jurisdictionCode: JurisdictionCode,
  title: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.titleMax }))),
  skills: Type.Optional(Skills),
  phone: Type.Optional(Nullable(Phone)),
  email: Type.Optional(Nullable(Email)),
  userId: Type.Optional(Nullable(Id)),
};

export const CreatePersonBody = Type.Object(personWritable, { additionalProperties: false });
export type CreatePersonBody = Static<typeof CreatePersonBody>;

export const UpdatePersonBody = Type.Object(
  {
    kind: Type.Optional(PersonKind),
    fullName: Type.Optional(personWritable.fullName),
    organisationId: personWritable.organisationId,
    jurisdictionCode: Type.Optional(JurisdictionCode),
    title: personWritable.title,
    skills: personWritable.skills,
    phone: personWritable.phone,
    email: personWritable.email,
    userId: personWritable.userId,
  },
  { additionalProperties: false, description: 'Fields to change; null clears a field; skills replaces the whole list' },
);
export type UpdatePersonBody = Static<typeof UpdatePersonBody>;

export const PersonSchema = Type.Object({
  id: Type.String(),
  kind: PersonKind,
  fullName: Type.String(),
  organisationId: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  title: Nullable(Type.String()),
  skills: Type.Array(Type.String()),
  phone: Type.Optional(Nullable(Type.String({ description: 'personal: absent unless your role may see it' }))),
  email: Type.Optional(Nullable(Type.String({ description: 'personal: absent unless your role may see it' }))),
  userId: Nullable(Type.String()),
});
export type PersonBody = Static<typeof PersonSchema>;

export const PersonListQuery = Type.Object(
  {
    ...listQuery,
    kind: Type.Optional(PersonKind),
    departmentType: Type.Optional(DepartmentType),
    organisationId: Type.Optional(Id),
    skill: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.skillMax, description: 'one whole skill tag' })),
  },
  { additionalProperties: false },
);
export type PersonListQuery = Static<typeof PersonListQuery>;

export const PersonPage = Type.Object({ items: Type.Array(PersonSchema), nextCursor: Nullable(Type.String()) });
