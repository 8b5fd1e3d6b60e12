import { InvalidInputError } from '../core/errors.js';
import { DEPARTMENT_TYPES, type DepartmentType } from '../core/roles.js';

export const ORGANISATION_KINDS = ['government_department', 'enterprise', 'ngo', 'volunteer_team', 'hospital', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PERSON_KINDS = ['staff', 'expert', 'volunteer', 'grid_worker'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** Limits shared by validation and the HTTP schemas. */
export const LIMITS = {
  nameMax: 100,
  nameEnMax: 200,
  titleMax: 100,
  addressMax: 300,
  emailMax: 254,
  phoneMin: 3,
  phoneMax: 32,
  skillsMax: 30,
  skillMax: 40,
  idMax: 64,
} as const;

/** Personal fields of a person: shown only to roles that need them, hashed in the audit trail. */
export const PERSONAL_FIELDS = ['phone', 'email'] as const;

/** An organisation's own fields, as written. */
export interface OrganisationFields {
  readonly kind: OrganisationKind;
  readonly departmentType: DepartmentType | null;
  readonly nameZh: string;
  readonly nameEn: string | null;
  readonly jurisdictionCode: string;
  readonly parentId: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly address: string | null;
}

/** An organisation as read, with what the API and scope checks need from its jurisdiction. */
export interface Organisation extends OrganisationFields {
  readonly id: string;
  readonly jurisdictionName: string;
  readonly jurisdictionPath: string;
}

/** A person's own fields, as written. */
export interface PersonFields {
  readonly kind: PersonKind;
  readonly fullName: string;
  readonly organisationId: string | null;
  readonly jurisdictionCode: string;
  readonly title: string | null;
  readonly skills: readonly string[];
  readonly phone: string | null;
  readonly email: string | null;
  /** The login account of this person, when they have one. */
  readonly userId: string | null;
}

export interface Person extends PersonFields {
  readonly id: string;
  readonly organisationName: string | null;
  /** Department type of the person's organisation: decides what a department officer may edit. */
  readonly organisationDepartmentType: DepartmentType | null;
  readonly jurisdictionName: string;
  readonly jurisdictionPath: string;
}

/** A person as the actor may see them: `contact` is absent when the actor may not see it. */
export type PersonView = Omit<Person, 'phone' | 'email'> & {
  readonly contact?: { readonly phone: string | null; readonly email: string | null };
};

// Digits with optional leading "+", spaces, hyphens, parentheses and an extension ("027-8888 0000", "+86 10 0000 0000").
const PHONE = /^\+?[0-9(][0-9 ()-]*[0-9](?: ?(?:ext\.?|x|转) ?[0-9]{1,6})?$/;
// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is not our business.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Trims and length-checks a required text; the message names the field. */
export function checkRequiredText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (text === '') throw InvalidInputError.forField(field, 'must not be empty');
  if ([...text].length > max) throw InvalidInputError.forField(field, `must be at most ${max} characters`);
  return text;
}

/** Trims an optional text; empty becomes null. */
export function checkOptionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if ([...text].length > max) throw InvalidInputError.forField(field, `must be at most ${max} characters`);
  return text;
}

export function checkPhone(value: string | null | undefined, field = 'phone'): string | null {
  const phone = checkOptionalText(value, field, LIMITS.phoneMax);
  if (phone === null) return null;
  if (phone.length < LIMITS.phoneMin || !PHONE.test(phone)) {
    throw InvalidInputError.forField(field, 'must be a phone number: digits, optional leading +, spaces, hyphens or parentheses');
  }
  return phone;
}

export function checkEmail(value: string | null | undefined, field = 'email'): string | null {
  const email = checkOptionalText(value, field, LIMITS.emailMax);
  if (email === null) return null;
  if (!EMAIL.test(email)) throw InvalidInputError.forField(field, 'must be an e-mail address');
  return email;
}

/**
 * Skill tags: trimmed, inner whitespace collapsed, at most 30 of at most 40 characters;
 * duplicates (ignoring case) are dropped, the first spelling kept.
 */
export function normaliseSkills(skills: readonly string[] | undefined, field = 'skills'): string[] {
  if (skills === undefined) return [];
  if (skills.length > LIMITS.skillsMax) throw InvalidInputError.forField(field, `must have at most ${LIMITS.skillsMax} tags`);
  const seen = new Set<string>();
  const result: string[] = [];
  for (const [index, raw] of skills.entries()) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag === '') throw InvalidInputError.forField(`${field}[${index}]`, 'must not be empty');
    if ([...tag].length > LIMITS.skillMax) throw InvalidInputError.forField(`${field}[${index}]`, `must be at most ${LIMITS.skillMax} characters`);
    // Control characters have no place in a tag and would complicate matching stored JSON.
    if (/\p{Cc}/u.test(tag)) throw InvalidInputError.forField(`${field}[${index}]`, 'must not contain control characters');
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value);
}

export function isPersonKind(value: string): value is PersonKind {
  return (PERSON_KINDS as readonly string[]).includes(value);
}

export function isDepartmentType(value: string): value is DepartmentType {
  return (DEPARTMENT_TYPES as readonly string[]).includes(value);
}

/** A government department must say which department it is; no other kind may. */
export function checkKindAndDepartment(kind: string, departmentType: string | null): void {
  if (!isOrganisationKind(kind)) throw InvalidInputError.forField('kind', `must be one of ${ORGANISATION_KINDS.join(', ')}`);
  if (departmentType !== null && !isDepartmentType(departmentType)) {
    throw InvalidInputError.forField('departmentType', `must be one of ${DEPARTMENT_TYPES.join(', ')}`);
  }
  if (kind === 'government_department' && departmentType === null) {
    throw InvalidInputError.forField('departmentType', 'is required for a government_department');
  }
  if (kind !== 'government_department' && departmentType !== null) {
    throw InvalidInputError.forField('departmentType', 'must be empty unless kind is government_department');
  }
}

/** What a caller supplies for an organisation; the service resolves the jurisdiction code first. */
export interface OrganisationDraft {
  readonly kind: string;
  readonly departmentType?: string | null | undefined;
  readonly nameZh: string;
  readonly nameEn?: string | null | undefined;
  readonly jurisdictionCode: string;
  readonly parentId?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly address?: string | null | undefined;
}

/** Validates and normalises an organisation's fields (the jurisdiction code is taken as resolved). */
export function validateOrganisation(draft: OrganisationDraft): OrganisationFields {
  const departmentType = draft.departmentType ?? null;
  checkKindAndDepartment(draft.kind, departmentType);
  return {
    kind: draft.kind as OrganisationKind,
    departmentType: departmentType as DepartmentType | null,
    nameZh: checkRequiredText(draft.nameZh, 'nameZh', LIMITS.nameMax),
    nameEn: checkOptionalText(draft.nameEn, 'nameEn', LIMITS.nameEnMax),
    jurisdictionCode: draft.jurisdictionCode,
    parentId: checkOptionalText(draft.parentId, 'parentId', LIMITS.idMax),
    phone: checkPhone(draft.phone),
    email: checkEmail(draft.email),
    address: checkOptionalText(draft.address, 'address', LIMITS.addressMax),
  };
}

export interface PersonDraft {
  readonly kind: string;
  readonly fullName: string;
  readonly organisationId?: string | null | undefined;
  readonly jurisdictionCode: string;
  readonly title?: string | null | undefined;
  readonly skills?: readonly string[] | undefined;
  readonly phone?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly userId?: string | null | undefined;
}

export function validatePerson(draft: PersonDraft): PersonFields {
  if (!isPersonKind(draft.kind)) throw InvalidInputError.forField('kind', `must be one of ${PERSON_KINDS.join(', ')}`);
  return {
    kind: draft.kind,
    fullName: checkRequiredText(draft.fullName, 'fullName', LIMITS.nameMax),
    organisationId: checkOptionalText(draft.organisationId, 'organisationId', LIMITS.idMax),
    jurisdictionCode: draft.jurisdictionCode,
    title: checkOptionalText(draft.title, 'title', LIMITS.titleMax),
    skills: normaliseSkills(draft.skills),
    phone: checkPhone(draft.phone),
    email: checkEmail(draft.email),
    userId: checkOptionalText(draft.userId, 'userId', LIMITS.idMax),
  };
}

/** The fields of an organisation that the audit trail records. */
export function organisationSnapshot(fields: OrganisationFields): Record<string, unknown> {
  return {
    kind: fields.kind,
    departmentType: fields.departmentType,
    nameZh: fields.nameZh,
    nameEn: fields.nameEn,
    jurisdictionCode: fields.jurisdictionCode,
    parentId: fields.parentId,
    phone: fields.phone,
    email: fields.email,
    address: fields.address,
  };
}

export function personSnapshot(fields: PersonFields): Record<string, unknown> {
  return {
    kind: fields.kind,
    fullName: fields.fullName,
    organisationId: fields.organisationId,
    jurisdictionCode: fields.jurisdictionCode,
    title: fields.title,
    skills: [...fields.skills],
    phone: fields.phone,
    email: fields.email,
    userId: fields.userId,
  };
}

/** Names of the snapshot fields whose values differ, for event payloads (never the values). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
