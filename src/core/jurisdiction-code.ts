import { InvalidInputError } from './errors.js';

/** Administrative levels, from the country down to grid cells inside a community. */
export const JURISDICTION_LEVELS = ['country', 'province', 'city', 'county', 'township', 'village', 'grid'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

export const COUNTRY_ROOT_CODE = '000000000000';

/** Lengths of the unpadded statistical codes at each level (GB/T 2260 to county, GB/T 10114 below). */
const SHORT_CODE_LENGTHS: ReadonlyMap<number, JurisdictionLevel> = new Map([
  [2, 'province'],
  [4, 'city'],
  [6, 'county'],
  [9, 'township'],
  [12, 'village'],
]);

const OTHER_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Normalises a jurisdiction code as users type it. Chinese statistical codes of 2, 4, 6, 9 or 12
 * digits are padded to 12 (42 → 420000000000); "0" or "000000000000" is the country root. Other
 * hierarchies keep their own codes (letters, digits, ".", "_", "-"), as do grid cells
 * ("420102001001-G01").
 */
export function normaliseJurisdictionCode(input: string, field = 'code'): string {
  const code = input.trim();
  if (/^\d+$/.test(code)) {
    if (/^0+$/.test(code)) return COUNTRY_ROOT_CODE;
    if (SHORT_CODE_LENGTHS.has(code.length)) return code.padEnd(12, '0');
    throw InvalidInputError.forField(field, `"${input}" is not a statistical code of 2, 4, 6, 9 or 12 digits`);
  }
  if (!OTHER_CODE.test(code)) {
    throw InvalidInputError.forField(field, `"${input}" is not a jurisdiction code`);
  }
  return code;
}

/** True when the code is a 12-digit Chinese statistical code (the country root included). */
export function isChineseStatisticalCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}

/**
 * The level a 12-digit Chinese code denotes, read from its trailing zeros; undefined for other
 * codes, whose level is stored with them.
 */
export function levelOfChineseCode(code: string): JurisdictionLevel | undefined {
  if (!isChineseStatisticalCode(code)) return undefined;
  if (code === COUNTRY_ROOT_CODE) return 'country';
  if (code.endsWith('0000000000')) return 'province';
  if (code.endsWith('00000000')) return 'city';
  if (code.endsWith('000000')) return 'county';
  if (code.endsWith('000')) return 'township';
  return 'village';
}

/** The shortest unpadded form of a Chinese code (420100000000 → 4201); others unchanged. */
export function shortJurisdictionCode(code: string): string {
  const level = levelOfChineseCode(code);
  switch (level) {
    case 'country':
      return '0';
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    case 'county':
      return code.slice(0, 6);
    case 'township':
      return code.slice(0, 9);
    default:
      return code;
  }
}

/**
 * The parent a 12-digit Chinese code implies by its digits (the country root for provinces).
 * Used when importing flat code lists; stored trees keep an explicit parent.
 */
export function impliedParentCode(code: string): string | undefined {
  switch (levelOfChineseCode(code)) {
    case 'province':
      return COUNTRY_ROOT_CODE;
    case 'city':
      return code.slice(0, 2).padEnd(12, '0');
    case 'county':
      return code.slice(0, 4).padEnd(12, '0');
    case 'township':
      return code.slice(0, 6).padEnd(12, '0');
    case 'village':
      return code.slice(0, 9).padEnd(12, '0');
    default:
      return undefined;
  }
}

/** Materialised path separator: paths look like "/000000000000/420000000000/". */
export const PATH_SEPARATOR = '/';

export function childPath(parentPath: string, code: string): string {
  return `${parentPath}${code}${PATH_SEPARATOR}`;
}

/** True when `path` is `scopePath` itself or lies below it. Pure prefix test on materialised paths. */
export function isWithinPath(scopePath: string, path: string): boolean {
  return path.startsWith(scopePath);
}

/** Codes along a materialised path, root first. */
export function codesOnPath(path: string): string[] {
  return path.split(PATH_SEPARATOR).filter((part) => part.length > 0);
}
