import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeEchartsGeoJson, decodeRing, type EchartsGeoJson, type Position } from './echarts-geo.js';
import { loadHubeiDemoGeometry } from './demo-geometry.js';

/** ECharts 4's encoder, written from the decoder's inverse, to check round trips. */
function encodeRing(points: readonly Position[], scale = 1024): { encoded: string; offsets: [number, number] } {
  const q = points.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)] as const);
  const offsets: [number, number] = [q[0]![0], q[0]![1]];
  let prev = offsets;
  let encoded = '';
  for (const [x, y] of q) {
    const dx = x - prev[0];
    const dy = y - prev[1];
    encoded += String.fromCharCode(((dx << 1) ^ (dx >> 31)) + 64, ((dy << 1) ^ (dy >> 31)) + 64);
    prev = [x, y];
  }
  return { encoded, offsets };
}

function bbox(rings: Position[][]): [number, number, number, number] {
  const pts = rings.flat();
  return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
}

describe('ECharts 4 coordinate decoding', () => {
  it('inverts the zigzag-delta encoding exactly', () => {
    const ring: Position[] = [[114.25, 30.5], [114.5, 30.5], [114.5, 30.75], [114.25, 30.5]];
    const { encoded, offsets } = encodeRing(ring);
    assert.deepEqual(decodeRing(encoded, offsets), ring);
  });

  it("decodes echarts 4.9.0's Hubei map so that Wuhan lies around lon 114.3, lat 30.6", () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('echarts/map/json/province/hubei.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as EchartsGeoJson;
    const features = decodeEchartsGeoJson(json);
    assert.equal(features.length, 17);
    const wuhan = features.find((f) => f.properties.name === '武汉市')!;
    assert.equal(wuhan.geometry.type, 'MultiPolygon');
    const rings = (wuhan.geometry.coordinates as Position[][][]).flat();
    const [minLon, minLat, maxLon, maxLat] = bbox(rings);
    // Wuhan spans roughly 113.7–115.1 E, 29.97–31.37 N.
    assert.ok(minLon > 113.5 && maxLon < 115.3 && minLat > 29.8 && maxLat < 31.5, `bbox ${[minLon, minLat, maxLon, maxLat]}`);
    assert.ok(minLon < 114.3 && 114.3 < maxLon && minLat < 30.6 && 30.6 < maxLat);
    // The input object is left as it was.
    assert.equal(json.UTF8Encoding, true);
    assert.equal(typeof (json.features[0]!.geometry.coordinates as unknown[][])[0]![0], 'string');
  });
});

describe('loadHubeiDemoGeometry (the committed data/demo/hubei-prefectures.geojson)', () => {
  it('gives the province and its 17 prefecture-level units with codes, English names, cp centroids and boundaries', () => {
    const units = loadHubeiDemoGeometry();
    assert.equal(units.length, 18);
    assert.equal(units.find((u) => u.code === '420000000000')?.nameEn, 'Hubei');
    assert.equal(units.find((u) => u.code === '429004000000')?.nameEn, 'Xiantao');
    const codes = units.map((u) => u.code);
    for (const code of ['420100000000', '422800000000', '429004000000', '429005000000', '429006000000', '429021000000']) assert.ok(codes.includes(code), code);
    for (const unit of units) {
      assert.ok(unit.centroid, `${unit.code} has a centroid`);
      assert.ok(unit.boundary, `${unit.code} has a boundary`);
      const rings = unit.boundary!.type === 'Polygon' ? (unit.boundary!.coordinates as Position[][]) : (unit.boundary!.coordinates as Position[][][]).flat();
      const [minLon, minLat, maxLon, maxLat] = bbox(rings);
      // Hubei lies within 108.3–116.2 E, 29.0–33.3 N; each centre point inside its unit's box.
      assert.ok(minLon > 108 && maxLon < 116.5 && minLat > 28.9 && maxLat < 33.4, unit.code);
      const [lon, lat] = unit.centroid!;
      assert.ok(minLon <= lon && lon <= maxLon && minLat <= lat && lat <= maxLat, `${unit.code} cp inside its box`);
    }
    assert.deepEqual(units.find((u) => u.code === '420100000000')?.centroid, [114.298572, 30.584355]);
  });
});
