import { codesOnPath } from '../../core/jurisdiction-code.js';
import { hammingDistance } from './simhash.js';
import type { SignalType } from './types.js';

/**
 * Assigns a new signal to an existing cluster (event) or to a new one. A candidate — a recent
 * signal already in a cluster — is compatible when all of these hold:
 *
 * - **type**: the same type, or both `disease_*` (a case report and a cluster report about one
 *   outbreak are one event);
 * - **area**: the jurisdiction paths, each cut at `areaDepth` levels (default: county), are equal
 *   or one lies within the other (Wuhan contains Jiang'an; Jiang'an ≠ Hongshan); or both have
 *   points within `maxDistanceKm`. A signal with no known place joins on a text match alone when
 *   `unknownAreaMatches`;
 * - **time**: observed within `windowHours` of each other;
 * - **text**: SimHash distance ≤ `maxSimhashDistance` or token-set Jaccard ≥ `minJaccard`; or,
 *   when both places are known to at least `sameAreaMinDepth` levels and one lies within the
 *   other, within `sameAreaWindowHours` (reports in two languages, or of different wording,
 *   about one place and hazard on one day share few tokens).
 *
 * Among compatible candidates the most similar text wins (Jaccard, then SimHash). A candidate
 * whose text is near-identical (distance ≤ `duplicateSimhashDistance` or Jaccard ≥
 * `duplicateJaccard`) makes the signal a duplicate of it.
 */
export interface ClusterSignal {
  readonly id: string;
  /** Cluster the candidate belongs to; ignored on the signal being assigned. */
  readonly clusterId?: string | null;
  readonly type: SignalType;
  /** Materialised jurisdiction path (/000000000000/420000000000/…/), or null when unknown. */
  readonly jurisdictionPath: string | null;
  /** [longitude, latitude] when the report carries a point. */
  readonly pointLonLat?: readonly [number, number] | null;
  /** ISO 8601 time the report was made. */
  readonly observedAt: string;
  /** 16-hex-digit SimHash of the tokens. */
  readonly simhash: string;
  readonly tokens: readonly string[];
}

export interface ClusterParams {
  /** Time window either side, hours. Default 72. */
  readonly windowHours: number;
  /** Levels of the path compared (root = 1: country 1, province 2, city 3, county 4). Default 4. */
  readonly areaDepth: number;
  /** Points at most this far apart are the same area. Default 10 km. */
  readonly maxDistanceKm: number;
  /** Whether a signal without a known place (path or point) can join on text alone. Default true (rumours often name no place). */
  readonly unknownAreaMatches: boolean;
  /** Text match: SimHash distance at most this. Default 12. */
  readonly maxSimhashDistance: number;
  /** Text match: token Jaccard at least this. Default 0.25. */
  readonly minJaccard: number;
  /**
   * Compatible types in the same known unit within this many hours join without a text match
   * (one path equal to or inside the other, both at least `sameAreaMinDepth` deep). Default 12; 0 turns it off.
   */
  readonly sameAreaWindowHours: number;
  /** Path depth both places need for the same-area rule (3 = city, 4 = county). Default 3. */
  readonly sameAreaMinDepth: number;
  /** Duplicate: SimHash distance at most this. Default 3. */
  readonly duplicateSimhashDistance: number;
  /** Duplicate: token Jaccard at least this. Default 0.8. */
  readonly duplicateJaccard: number;
}

export const DEFAULT_CLUSTER_PARAMS: ClusterParams = {
  windowHours: 72,
  areaDepth: 4,
  maxDistanceKm: 10,
  unknownAreaMatches: true,
  maxSimhashDistance: 12,
  minJaccard: 0.25,
  sameAreaWindowHours: 12,
  sameAreaMinDepth: 3,
  duplicateSimhashDistance: 3,
  duplicateJaccard: 0.8,
};

export interface ClusterAssignment {
  /** The cluster to join, or 'new' to open one. */
  readonly clusterId: string | 'new';
  /** The candidate this signal near-duplicates. */
  readonly duplicateOf?: string;
  /** The candidate that decided the cluster. */
  readonly matchedId?: string;
  /** Token Jaccard with that candidate. */
  readonly similarity?: number;
}

/** True for the same type, or two disease types. */
export function typesCompatible(a: SignalType, b: SignalType): boolean {
  return a === b || (a.startsWith('disease_') && b.startsWith('disease_'));
}

/** Paths cut at `depth` levels are equal or one contains the other. */
export function areasOverlap(a: string, b: string, depth: number): boolean {
  const ca = codesOnPath(a).slice(0, depth);
  const cb = codesOnPath(b).slice(0, depth);
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) if (ca[i] !== cb[i]) return false;
  return true;
}

/** Both paths reach at least `depth` levels and agree down to that level... and below it only if both go deeper. */
function sameUnitAtDepth(a: string, b: string, depth: number): boolean {
  const ca = codesOnPath(a);
  const cb = codesOnPath(b);
  if (ca.length < depth || cb.length < depth) return false;
  return areasOverlap(a, b, Math.max(ca.length, cb.length));
}

/** Great-circle distance in km (haversine, mean Earth radius 6371 km). */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Jaccard similarity of two token sets, 0..1 (0 when both are empty). */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 0;
  let both = 0;
  for (const t of sa) if (sb.has(t)) both++;
  return both / (sa.size + sb.size - both);
}

/** Decides the cluster of `signal` among `candidates` (recent signals with a cluster id). */
export function assignCluster(signal: ClusterSignal, candidates: readonly ClusterSignal[], params: Partial<ClusterParams> = {}): ClusterAssignment {
  const p = { ...DEFAULT_CLUSTER_PARAMS, ...params };
  const at = Date.parse(signal.observedAt);
  let best: { candidate: ClusterSignal; similarity: number; distance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate.id === signal.id || !candidate.clusterId) continue;
    if (!typesCompatible(signal.type, candidate.type)) continue;
    const hours = Math.abs(at - Date.parse(candidate.observedAt)) / 3_600_000;
    if (!(hours <= p.windowHours)) continue;
    const byPoint = signal.pointLonLat && candidate.pointLonLat ? distanceKm(signal.pointLonLat, candidate.pointLonLat) <= p.maxDistanceKm : false;
    const bothPaths = signal.jurisdictionPath !== null && candidate.jurisdictionPath !== null;
    const byPath = bothPaths ? areasOverlap(signal.jurisdictionPath!, candidate.jurisdictionPath!, p.areaDepth) : false;
    if (!byPoint && !byPath && !(p.unknownAreaMatches && !bothPaths)) continue;
    const similarity = jaccard(signal.tokens, candidate.tokens);
    const distance = hammingDistance(signal.simhash, candidate.simhash);
    const textMatch = distance <= p.maxSimhashDistance || similarity >= p.minJaccard;
    const sameSpecificArea = bothPaths && hours <= p.sameAreaWindowHours && sameUnitAtDepth(signal.jurisdictionPath!, candidate.jurisdictionPath!, p.sameAreaMinDepth);
    if (!textMatch && !sameSpecificArea) continue;
    if (best === undefined || similarity > best.similarity || (similarity === best.similarity && distance < best.distance)) {
      best = { candidate, similarity, distance };
    }
  }
  if (best === undefined) return { clusterId: 'new' };
  const duplicate = best.distance <= p.duplicateSimhashDistance || best.similarity >= p.duplicateJaccard;
  return {
    clusterId: best.candidate.clusterId!,
    matchedId: best.candidate.id,
    similarity: best.similarity,
    ...(duplicate ? { duplicateOf: best.candidate.id } : {}),
  };
}
