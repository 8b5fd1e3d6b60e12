import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError } from '../core/errors.js';
import { parseJurisdictionGeoJson } from './import-geojson.js';

const square = [[[114, 30], [115, 30], [115, 31], [114, 31], [114, 30]]];

function collection(...features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InvalidInputError, `expected InvalidInputError, got ${String(error)}`);
    return error.details[0]?.field;
  }
  assert.fail('expected an error');
}

describe('parseJurisdictionGeoJson', () => {
  it('takes polygons as boundaries and cp as the centroid', () => {
    const [unit] = parseJurisdictionGeoJson(
      collection({ type: 'Feature', properties: { code: '4201', name: '武汉市', cp: [114.298572, 30.584355], population: 13739700 }, geometry: { type: 'Polygon', coordinates: square } }),
    );
    assert.deepEqual(unit, {
      code: '420100000000', parentCode: '420000000000', nameZh: '武汉市', nameEn: null, population: 13739700,
      centroid: [114.298572, 30.584355], boundary: { type: 'Polygon', coordinates: square },
    });
  });

  it('takes a Point as the centroid and honours parent_code, name_zh, name_en, level', () => {
    const [unit] = parseJurisdictionGeoJson(
      collection({ type: 'Feature', properties: { code: 'X-1', parent_code: '420102001001', name_zh: '网格一', name_en: 'Grid 1', level: 'grid' }, geometry: { type: 'Point', coordinates: [114.3, 30.6] } }),
    );
    assert.deepEqual(unit, { code: 'X-1', parentCode: '420102001001', nameZh: '网格一', nameEn: 'Grid 1', level: 'grid', centroid: [114.3, 30.6] });
  });

  it('keeps a feature without geometry as names only', () => {
    const [unit] = parseJurisdictionGeoJson(collection({ type: 'Feature', properties: { code: 42, name: '湖北省' }, geometry: null }));
    assert.equal(unit?.code, '420000000000');
    assert.equal(unit?.boundary, undefined);
  });

  it('names the feature and field of bad input', () => {
    assert.equal(fieldOf(() => parseJurisdictionGeoJson('{')), 'content');
    assert.equal(fieldOf(() => parseJurisdictionGeoJson(JSON.stringify({ type: 'Feature' }))), 'type');
    assert.equal(fieldOf(() => parseJurisdictionGeoJson(collection({ type: 'Feature', properties: { name: 'x' }, geometry: null }))), 'features[0].properties.code');
    assert.equal(fieldOf(() => parseJurisdictionGeoJson(collection({ type: 'Feature', properties: { code: '42' }, geometry: null }))), 'features[0].properties.name_zh');
    assert.equal(
      fieldOf(() => parseJurisdictionGeoJson(collection({ type: 'Feature', properties: { code: '42', name: 'x' }, geometry: { type: 'LineString', coordinates: [] } }))),
      'features[0].geometry.type',
    );
    assert.equal(
      fieldOf(() => parseJurisdictionGeoJson(collection({ type: 'Feature', properties: { code: '42', name: 'x' }, geometry: { type: 'Polygon', coordinates: [[[200, 30]]] } }))),
      'features[0].geometry.coordinates[0][0][0]',
    );
    assert.equal(fieldOf(() => parseJurisdictionGeoJson(collection({ type: 'Feature', properties: { code: '42', name: 'x', cp: [114] }, geometry: null }))), 'features[0].properties.cp');
    assert.equal(fieldOf(() => parseJurisdictionGeoJson(collection({ type: 'Feature', properties: { code: '42', name: 'x', population: -1 }, geometry: null }))), 'features[0].properties.population');
  });
});
