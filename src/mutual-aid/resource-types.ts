/**
 * NIMS-style resource typing (DOMAIN.md §3): a kind, and a type from 1 (most capable) to 4.
 * Shared by requests, offers and the EDXL-RM TypeStructure.
 */
export const RESOURCE_KINDS = ['personnel', 'team', 'equipment', 'supply', 'facility'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_TYPES = [1, 2, 3, 4] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export function isResourceKind(value: string): value is ResourceKind {
  return (RESOURCE_KINDS as readonly string[]).includes(value);
}

export function isResourceType(value: number): value is ResourceType {
  return (RESOURCE_TYPES as readonly number[]).includes(value);
}

/** What a pairing may cover: the 2020 pairings sent medical teams; other help is configurable by these names. */
export const SUPPORT_KINDS = ['medical_teams', 'medical_supplies', 'living_supplies', 'equipment', 'funding', 'technical_support', 'logistics', 'other'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export function isSupportKind(value: string): value is SupportKind {
  return (SUPPORT_KINDS as readonly string[]).includes(value);
}

/** The ValueListURN Seamless writes in EDXL-RM TypeStructure: kind and type as "kind:type". */
export const RESOURCE_TYPE_VALUE_LIST = 'urn:seamless:nims:resource-kind-type';

export function formatResourceTypeValue(kind: ResourceKind, type: ResourceType | null): string {
  return type === null ? kind : `${kind}:${type}`;
}

/** Reads "team:2" or "supply" back; undefined when it is not ours. */
export function parseResourceTypeValue(value: string): { kind: ResourceKind; type: ResourceType | null } | undefined {
  const [kind, type, ...rest] = value.split(':');
  if (kind === undefined || !isResourceKind(kind) || rest.length > 0) return undefined;
  if (type === undefined) return { kind, type: null };
  const n = Number(type);
  return isResourceType(n) ? { kind, type: n } : undefined;
}
