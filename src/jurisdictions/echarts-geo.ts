/**
 * Decodes the compressed coordinates of ECharts 4 map files (echarts@4.9.0 `map/json/**`,
 * Apache-2.0) exactly as ECharts 4 does in `lib/coord/geo/parseGeoJson.js`: each polygon ring is
 * a string of character pairs; a character's code minus 64 is a zigzag-encoded delta from the
 * previous point, starting at the ring's `encodeOffsets`; the sum divided by `UTF8Scale`
 * (default 1024) is the coordinate in degrees. Pure: returns new geometry, never mutates input.
 */
export type Position = [number, number];

export interface EchartsGeoFeature {
  readonly type: 'Feature';
  readonly id?: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly geometry: {
    readonly type: 'Polygon' | 'MultiPolygon';
    readonly coordinates: unknown;
    readonly encodeOffsets?: unknown;
  };
}

export interface EchartsGeoJson {
  readonly type: 'FeatureCollection';
  readonly features: readonly EchartsGeoFeature[];
  readonly UTF8Encoding?: boolean;
  readonly UTF8Scale?: number;
}

export interface DecodedFeature {
  readonly type: 'Feature';
  readonly id?: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

/** One ring: ECharts' decodePolygon. */
export function decodeRing(encoded: string, offsets: readonly [number, number], scale = 1024): Position[] {
  const ring: Position[] = [];
  let prevX = offsets[0];
  let prevY = offsets[1];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    // ZigZag decoding, then delta decoding, then dequantising.
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function offsetPair(value: unknown, where: string): [number, number] {
  if (!Array.isArray(value) || typeof value[0] !== 'number' || typeof value[1] !== 'number') {
    throw new Error(`${where}: encodeOffsets must be [x, y]`);
  }
  return [value[0], value[1]];
}

/** Decodes every feature; files without `UTF8Encoding` are returned as they are. */
export function decodeEchartsGeoJson(json: EchartsGeoJson): DecodedFeature[] {
  const scale = json.UTF8Scale ?? 1024;
  return json.features.map((feature, f) => {
    const { geometry } = feature;
    if (!json.UTF8Encoding) return feature as DecodedFeature;
    const coords = geometry.coordinates as unknown[];
    const offsets = geometry.encodeOffsets as unknown[];
    const where = `features[${f}]`;
    if (geometry.type === 'Polygon') {
      const rings = coords.map((ring, c) => decodeRing(ring as string, offsetPair(offsets[c], where), scale));
      return { type: 'Feature', ...(feature.id !== undefined ? { id: feature.id } : {}), properties: feature.properties, geometry: { type: 'Polygon', coordinates: rings } };
    }
    const polygons = coords.map((polygon, c) =>
      (polygon as unknown[]).map((ring, c2) => decodeRing(ring as string, offsetPair((offsets[c] as unknown[])[c2], where), scale)),
    );
    return { type: 'Feature', ...(feature.id !== undefined ? { id: feature.id } : {}), properties: feature.properties, geometry: { type: 'MultiPolygon', coordinates: polygons } };
  });
}
