import { Type, type Static } from 'typebox';
import { ROLES, DEPARTMENT_TYPES } from '../core/roles.js';
import { PASSWORD_MAX_LENGTH, SUPPORTED_LOCALES } from './model.js';

/** A string enum as JSON Schema `enum`, typed as the union of its values. */
const literalUnion = <const T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);

export const RoleSchema = literalUnion(ROLES);
export const DepartmentSchema = literalUnion(DEPARTMENT_TYPES);
const LocaleSchema = literalUnion(SUPPORTED_LOCALES);

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }) },
  { additionalProperties: false },
);

export const GrantSchema = Type.Object({
  id: Type.String(),
  role: RoleSchema,
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  department: Type.Union([DepartmentSchema, Type.Null()]),
});

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  locale: LocaleSchema,
  homeJurisdictionCode: Type.String(),
  isActive: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  createdAt: Type.String(),
  grants: Type.Array(GrantSchema),
});
export type UserBody = Static<typeof UserSchema>;

export const LoginResponse = Type.Object({ token: Type.String(), csrfToken: Type.String(), expiresAt: Type.String(), user: UserSchema });

export const ChangeOwnPasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }), newPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }) },
  { additionalProperties: false },
);

export const UserIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const GrantParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), grantId: Type.String({ minLength: 1, maxLength: 64 }) });

export const ListUsersQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64 })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
    cursor: Type.Optional(Type.String({ maxLength: 64, description: 'the last username of the previous page' })),
    format: Type.Optional(Type.Literal('csv')),
  },
  { additionalProperties: false },
);
export const UserListResponse = Type.Object({ items: Type.Array(UserSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64 }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    homeJurisdictionCode: Type.String({ minLength: 1, maxLength: 64 }),
    locale: Type.Optional(LocaleSchema),
    mustChangePassword: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const GrantRoleBody = Type.Object(
  {
    role: RoleSchema,
    jurisdictionCode: Type.String({ minLength: 1, maxLength: 64 }),
    department: Type.Optional(Type.Union([DepartmentSchema, Type.Null()])),
  },
  { additionalProperties: false },
);

export const ResetPasswordBody = Type.Object({ newPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }) }, { additionalProperties: false });

export const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
export const TokenListResponse = Type.Object({ items: Type.Array(TokenSchema) });
export const IssueTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) },
  { additionalProperties: false },
);
export const IssuedTokenResponse = Type.Object({ id: Type.String(), name: Type.String(), token: Type.String({ description: 'shown once' }), expiresAt: Type.Union([Type.String(), Type.Null()]) });
export const TokenIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
