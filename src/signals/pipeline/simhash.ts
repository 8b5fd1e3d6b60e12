/**
 * 64-bit SimHash (Charikar) over weighted token shingles, as a 16-hex-digit string. Features are
 * the tokens (weight 1 each occurrence) and adjacent token pairs (weight 1), so word order
 * matters a little. Each feature is hashed to 64 bits with two 32-bit FNV-1a variants; near
 * texts give fingerprints a small Hamming distance apart.
 */

/** The fingerprint of an empty token list. */
export const EMPTY_SIMHASH = '0000000000000000';

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche (from murmur3's fmix32) so that short keys spread over all bits.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Features and weights: unigrams and bigrams of the token sequence. */
export function shingles(tokens: readonly string[]): Map<string, number> {
  const features = new Map<string, number>();
  const add = (feature: string) => features.set(feature, (features.get(feature) ?? 0) + 1);
  for (let i = 0; i < tokens.length; i++) {
    add(tokens[i]!);
    if (i + 1 < tokens.length) add(`${tokens[i]}\u0001${tokens[i + 1]}`);
  }
  return features;
}

/** SimHash of a token list as 16 lowercase hex digits. */
export function simhash(tokens: readonly string[]): string {
  const vector = new Float64Array(64);
  for (const [feature, weight] of shingles(tokens)) {
    const high = fnv1a(feature, 0x811c9dc5);
    const low = fnv1a(feature, 0x9747b28c);
    for (let bit = 0; bit < 32; bit++) {
      vector[bit] = vector[bit]! + ((high >>> bit) & 1 ? weight : -weight);
      vector[32 + bit] = vector[32 + bit]! + ((low >>> bit) & 1 ? weight : -weight);
    }
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (vector[bit]! > 0) high |= 1 << bit;
    if (vector[32 + bit]! > 0) low |= 1 << bit;
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}

function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits between two fingerprints (0..64). */
export function hammingDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/i.test(a) || !/^[0-9a-f]{16}$/i.test(b)) throw new Error('simhash fingerprints are 16 hex digits');
  return (
    popcount32(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) +
    popcount32(parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16))
  );
}

/** True when the fingerprints are at most `threshold` bits apart (default 3). */
export function isNearDuplicate(a: string, b: string, threshold = 3): boolean {
  return hammingDistance(a, b) <= threshold;
}
