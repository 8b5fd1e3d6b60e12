import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { areasOverlap, assignCluster, distanceKm, jaccard, type ClusterSignal } from './cluster.js';
import { simhash } from './simhash.js';
import { tokenize } from './tokenize.js';

const WUHAN = '/000000000000/420000000000/420100000000/';
const JIANGAN = `${WUHAN}420102000000/`;
const HONGSHAN = `${WUHAN}420111000000/`;
const HUANGSHI = '/000000000000/420000000000/420200000000/';

function signal(overrides: Partial<ClusterSignal> & { text?: string }): ClusterSignal {
  const tokens = tokenize(overrides.text ?? '江岸区一仓库起火，火势较大，周边居民正在疏散。');
  const { text: _text, ...rest } = overrides;
  return { id: 'new', type: 'fire', jurisdictionPath: JIANGAN, observedAt: '2020-01-26T22:00:00+08:00', simhash: simhash(tokens), tokens, ...rest };
}

const existing = signal({ id: 's1', clusterId: 'c1' });

describe('assignCluster', () => {
  it('opens a new cluster when there is nothing to join', () => {
    assert.deepEqual(assignCluster(signal({}), []), { clusterId: 'new' });
  });

  it('marks a near-identical report as a duplicate within the window', () => {
    const result = assignCluster(signal({ text: '转发：江岸区一仓库起火，火势较大，周边居民正在疏散。', observedAt: '2020-01-27T01:00:00+08:00' }), [existing]);
    assert.equal(result.clusterId, 'c1');
    assert.equal(result.duplicateOf, 's1');
  });

  it('joins a different wording about the same event without calling it a duplicate', () => {
    const result = assignCluster(signal({ text: '江岸区仓库火灾，消防正在扑救，周边居民疏散', observedAt: '2020-01-27T08:00:00+08:00' }), [existing]);
    assert.equal(result.clusterId, 'c1');
    assert.equal(result.duplicateOf, undefined);
  });

  it('keeps apart the same text on another type, another place, or outside the window', () => {
    assert.equal(assignCluster(signal({ type: 'flood' }), [existing]).clusterId, 'new');
    assert.equal(assignCluster(signal({ jurisdictionPath: HONGSHAN }), [existing]).clusterId, 'new');
    assert.equal(assignCluster(signal({ jurisdictionPath: HUANGSHI }), [existing]).clusterId, 'new');
    assert.equal(assignCluster(signal({ observedAt: '2020-02-02T22:00:00+08:00' }), [existing]).clusterId, 'new');
    assert.equal(assignCluster(signal({ observedAt: '2020-01-27T22:00:00+08:00' }), [existing], { windowHours: 12 }).clusterId, 'new');
  });

  it('lets a city-level report join a district-level one and treats the two disease types as one', () => {
    assert.equal(assignCluster(signal({ jurisdictionPath: WUHAN }), [existing]).clusterId, 'c1');
    const cases = signal({ id: 's2', clusterId: 'c2', type: 'disease_case', text: '百步亭社区多户居民发热' });
    assert.equal(assignCluster(signal({ type: 'disease_cluster', text: '百步亭社区多户居民发热，疑似聚集' }), [cases]).clusterId, 'c2');
  });

  it('joins reports in two languages about one place on one day (same-area rule)', () => {
    const zh = signal({ id: 's3', clusterId: 'c3', text: '武昌区中南路一饭店后厨起火，冒出大量黑烟。', jurisdictionPath: `${WUHAN}420106000000/` });
    const en = signal({ text: 'Restaurant kitchen fire on Zhongnan Road, Wuchang', jurisdictionPath: `${WUHAN}420106000000/`, observedAt: '2020-01-26T22:30:00+08:00' });
    assert.equal(assignCluster(en, [zh]).clusterId, 'c3');
    assert.equal(assignCluster(en, [zh], { sameAreaWindowHours: 0 }).clusterId, 'new');
  });

  it('uses points when paths are unknown, and text alone only when allowed', () => {
    const a = signal({ id: 's4', clusterId: 'c4', jurisdictionPath: null, pointLonLat: [114.3, 30.6] });
    assert.equal(assignCluster(signal({ jurisdictionPath: null, pointLonLat: [114.31, 30.6] }), [a], { unknownAreaMatches: false }).clusterId, 'c4');
    assert.equal(assignCluster(signal({ jurisdictionPath: null, pointLonLat: [115.3, 30.6] }), [a], { unknownAreaMatches: false }).clusterId, 'new');
    assert.equal(assignCluster(signal({ jurisdictionPath: null }), [a]).clusterId, 'c4');
    assert.equal(assignCluster(signal({ jurisdictionPath: null }), [a], { unknownAreaMatches: false }).clusterId, 'new');
  });

  it('picks the most similar of several candidates', () => {
    const far = signal({ id: 's5', clusterId: 'c5', text: '江岸区有人说某处冒烟' });
    const near = signal({ id: 's6', clusterId: 'c6', text: '江岸区一仓库起火，火势较大' });
    assert.equal(assignCluster(signal({}), [far, near], { sameAreaWindowHours: 0 }).clusterId, 'c6');
  });
});

describe('cluster helpers', () => {
  it('compare areas down to a depth', () => {
    assert.ok(areasOverlap(WUHAN, JIANGAN, 4));
    assert.ok(!areasOverlap(HONGSHAN, JIANGAN, 4));
    assert.ok(areasOverlap(HONGSHAN, JIANGAN, 3));
  });

  it('measure distance and Jaccard', () => {
    assert.ok(Math.abs(distanceKm([114.3, 30.6], [114.3, 31.6]) - 111.2) < 0.5);
    assert.equal(jaccard(['a', 'b'], ['b', 'c']), 1 / 3);
    assert.equal(jaccard([], []), 0);
  });
});
