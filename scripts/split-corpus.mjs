// Splits the labelled signal corpus into a tuning half and a held-out half, by event group (all
// reports of one real-world event land in the same half), deterministically from a seed.
// Usage: node scripts/split-corpus.mjs [seed]   (default seed 20200123)
// Reads data/corpus/reports.jsonl, writes data/corpus/split.json.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const seed = Number(process.argv[2] ?? 20200123);

/** mulberry32: a small seeded PRNG, so the split is the same on every machine. */
function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const reports = readFileSync(`${root}data/corpus/reports.jsonl`, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));

// Events sorted by id, then shuffled with the seeded PRNG (Fisher–Yates).
const events = [...new Set(reports.map((r) => r.event))].sort();
const random = mulberry32(seed);
for (let i = events.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [events[i], events[j]] = [events[j], events[i]];
}
// Stratify by type so both halves see every type: deal each type's events alternately.
const typeOf = new Map(reports.map((r) => [r.event, r.type]));
const tuning = [];
const heldout = [];
const dealt = new Map();
for (const event of events) {
  const type = typeOf.get(event);
  const n = dealt.get(type) ?? 0;
  (n % 2 === 0 ? tuning : heldout).push(event);
  dealt.set(type, n + 1);
}
const count = (set) => reports.filter((r) => set.has(r.event)).length;
const split = {
  seed,
  method: 'events shuffled with mulberry32(seed), then dealt alternately per type into tuning and heldout',
  tuning: [...tuning].sort(),
  heldout: [...heldout].sort(),
  counts: { tuningEvents: tuning.length, heldoutEvents: heldout.length, tuningReports: count(new Set(tuning)), heldoutReports: count(new Set(heldout)) },
};
writeFileSync(`${root}data/corpus/split.json`, `${JSON.stringify(split, null, 2)}\n`);
console.log(split.counts);
