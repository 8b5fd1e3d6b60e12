import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCop } from './cop.js';
import type { Incident } from './model.js';

function incident(overrides: Partial<Incident>): Incident {
  return {
    id: 'I1', number: 'INC-2020-000001', title: 't', category: 'natural_disaster', type: 'flood', level: null, status: 'reported',
    jurisdictionCode: '420102000000', jurisdictionPath: '/x/', area: null, point: null, description: null,
    openedBy: 'u', openedAt: '2020-01-01T00:00:00.000Z', closedAt: null, updatedAt: '2020-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('common operating picture', () => {
  test('point first, then area, then centroid; left out without any, but counted', () => {
    const area = { type: 'Polygon' as const, coordinates: [[[1, 1], [2, 1], [2, 2], [1, 1]]] };
    const picture = buildCop(
      [
        incident({ id: 'A', point: [114.3, 30.6], area, level: 'II' }),
        incident({ id: 'B', area, status: 'responding', type: 'fire' }),
        incident({ id: 'C', jurisdictionCode: 'HAS' }),
        incident({ id: 'D', jurisdictionCode: 'NONE' }),
      ],
      (code) => (code === 'HAS' ? [114.0, 30.0] : null),
    );
    assert.deepEqual(picture.features.map((f) => [f.id, f.geometry.type, f.properties.located]), [
      ['A', 'Point', 'point'],
      ['B', 'Polygon', 'area'],
      ['C', 'Point', 'centroid'],
    ]);
    assert.deepEqual(picture.counts, {
      total: 4,
      unlocated: 1,
      byStatus: { reported: 3, responding: 1 },
      byLevel: { II: 1, unassessed: 3 },
      byType: { flood: 3, fire: 1 },
    });
  });
});
