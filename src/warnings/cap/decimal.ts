/**
 * Numbers as XML Schema `xs:decimal` text: plain digits, never exponent notation
 * (`String(1e-7)` is "1e-7", which the XSD rejects). Expanding JavaScript's shortest
 * round-trip form keeps every number exact: Number(formatDecimal(x)) === x.
 */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number`);
  const shortest = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!match) return shortest === '-0' ? '0' : shortest;
  const [, sign, lead, rest = '', exponentText] = match;
  const digits = `${lead}${rest}`;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const point = 1 + exponent;
  return point >= digits.length ? `${sign}${digits}${'0'.repeat(point - digits.length)}` : `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** `xs:decimal` lexical form (whitespace already collapsed). */
export const DECIMAL_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** `xs:integer` lexical form. */
export const INTEGER_PATTERN = /^[+-]?\d+$/;
