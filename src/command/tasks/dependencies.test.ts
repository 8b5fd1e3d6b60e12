import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { criticalPath, dependents, findCycle, waitingOn, type GraphTask } from './dependencies.js';
import type { TaskStatus } from './model.js';

const task = (id: string, dependsOn: string[] = [], status: TaskStatus = 'todo'): GraphTask => ({ id, status, dependsOn });
const index = (tasks: GraphTask[]) => new Map(tasks.map((t) => [t.id, t]));

describe('dependency cycles', () => {
  // a ← b ← c: c waits for b, b waits for a.
  const chain = [task('a'), task('b', ['a']), task('c', ['b'])];

  test('a task cannot wait for itself', () => {
    assert.deepEqual(findCycle('a', ['a'], index(chain)), ['a', 'a']);
  });

  test('closing a loop is found and named from the task round to itself', () => {
    assert.deepEqual(findCycle('a', ['c'], index(chain)), ['a', 'c', 'b', 'a']);
  });

  test('adding a dependency that creates no loop is fine, diamonds included', () => {
    assert.equal(findCycle('c', ['a', 'b'], index(chain)), null);
    const diamond = [task('a'), task('b', ['a']), task('c', ['a']), task('d', ['b', 'c'])];
    assert.equal(findCycle('d', ['b', 'c', 'a'], index(diamond)), null);
  });

  test('property: on a random acyclic board, a cycle is reported exactly when the new edges reach back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }), fc.nat(), fc.array(fc.nat(), { maxLength: 4 }), (n, edges, pick, proposedRaw) => {
        // Edges only from higher to lower index: acyclic by construction.
        const deps = new Map<string, Set<string>>();
        for (let i = 0; i < n; i++) deps.set(`t${i}`, new Set());
        for (const [x, y] of edges) {
          const [hi, lo] = [x % n, y % n].sort((p, q) => q - p) as [number, number];
          if (hi !== lo) deps.get(`t${hi}`)!.add(`t${lo}`);
        }
        const tasks = [...deps].map(([id, set]) => task(id, [...set]));
        const subject = `t${pick % n}`;
        const proposed = proposedRaw.map((p) => `t${p % n}`);
        const cycle = findCycle(subject, proposed, index(tasks));
        // Reference: does any proposed dependency (or the subject itself) reach the subject?
        const reaches = (from: string, seen = new Set<string>()): boolean => {
          if (from === subject) return true;
          if (seen.has(from)) return false;
          seen.add(from);
          return [...deps.get(from)!].some((next) => reaches(next, seen));
        };
        const expected = proposed.some((p) => reaches(p));
        assert.equal(cycle !== null, expected);
        if (cycle !== null) {
          assert.equal(cycle[0], subject);
          assert.equal(cycle[cycle.length - 1], subject);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('what waits for what', () => {
  test('a task waits on dependencies that are neither done nor cancelled', () => {
    const tasks = [task('a', [], 'done'), task('b', [], 'in_progress'), task('c', [], 'cancelled'), task('d', ['a', 'b', 'c'])];
    assert.deepEqual(waitingOn(tasks[3]!, index(tasks)), ['b']);
  });

  test('dependents are the reverse links', () => {
    const tasks = [task('a'), task('b', ['a']), task('c', ['a', 'b'])];
    assert.deepEqual(Object.fromEntries(dependents(tasks)), { a: ['b', 'c'], b: ['c'], c: [] });
  });
});

describe('critical path', () => {
  test('the longest chain of unfinished work, first to last', () => {
    const tasks = [task('a'), task('b', ['a']), task('c', ['b']), task('x'), task('y', ['x'])];
    assert.deepEqual(criticalPath(tasks), ['a', 'b', 'c']);
  });

  test('finished work drops out of the chain', () => {
    const tasks = [task('a', [], 'done'), task('b', ['a']), task('c', ['b']), task('x'), task('y', ['x']), task('z', ['y'])];
    assert.deepEqual(criticalPath(tasks), ['x', 'y', 'z']);
  });

  test('empty when everything is done', () => {
    assert.deepEqual(criticalPath([task('a', [], 'done'), task('b', ['a'], 'cancelled')]), []);
  });
});
