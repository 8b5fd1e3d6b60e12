/**
 * Outbreak-detection quality on simulated weekly series (R's sim.pointSource model, DOMAIN.md
 * §4): sensitivity, specificity, false-alarm rate, share of outbreaks detected and detection
 * delay per method, beside a naive baseline from the same run ("alarm when the count exceeds
 * the mean of the last 8 weeks + 2 sd").
 *
 *   node --import tsx bench/detection-quality.bench.ts [--quick] [--series N] [--seed S]
 *
 * Every method is scored on the same weeks (264–520 of 10-year series: the first week
 * Farrington with b = 5, w = 3 can monitor); definitions in src/surveillance/evaluation/evaluate.ts.
 */
import { cusum } from '../src/surveillance/algorithms/cusum.js';
import { earsC } from '../src/surveillance/algorithms/ears.js';
import { farringtonFlexible, NOUFAILY_PRESET } from '../src/surveillance/algorithms/farrington.js';
import { movingPercentile } from '../src/surveillance/algorithms/moving-percentile.js';
import { mean, sd } from '../src/surveillance/algorithms/stats.js';
import { notMonitored, type DetectionPoint } from '../src/surveillance/algorithms/types.js';
import { evaluateMethod, type QualityFigures } from '../src/surveillance/evaluation/evaluate.js';
import { mulberry32 } from '../src/surveillance/evaluation/random.js';
import { simPointSource, type PointSourceOptions } from '../src/surveillance/evaluation/sim-point-source.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const seriesCount = option('series', quick ? 20 : 100);
const seed = option('seed', 2024);
const WEEKS = 520;
const FROM = 5 * 52 + 3 + 1;

/** Baseline: y_t > mean(y[t−8..t−1]) + 2·sd. */
function naiveRule(observed: readonly number[], from: number): DetectionPoint[] {
  const out: DetectionPoint[] = [];
  for (let t = from; t <= observed.length; t++) {
    const y = observed[t - 1] as number;
    if (t <= 8) {
      out.push(notMonitored(t, y));
      continue;
    }
    const ref = observed.slice(t - 9, t - 1);
    const upperbound = mean(ref) + 2 * sd(ref);
    out.push({ index: t, observed: y, upperbound, alarm: y > upperbound });
  }
  return out;
}

type Method = readonly [name: string, run: (observed: readonly number[]) => DetectionPoint[]];
const methods: readonly Method[] = [
  ['naive mean8 + 2 sd (baseline)', (y) => naiveRule(y, FROM)],
  ['EARS C1', (y) => earsC(y, { method: 'C1', from: FROM })],
  ['EARS C2', (y) => earsC(y, { method: 'C2', from: FROM })],
  ['EARS C3', (y) => earsC(y, { method: 'C3', from: FROM })],
  ['CUSUM (m = mean of weeks 1–263)', (y) => cusum(y, { from: FROM })],
  ['CUSUM, reset after alarm', (y) => cusum(y, { from: FROM, reset: true })],
  ['moving percentile (freq 52, 7-week sums)', (y) => movingPercentile(y, { freq: 52, from: FROM })],
  ['Farrington flexible (defaults)', (y) => farringtonFlexible(y, { range: { from: FROM } })],
  ['Farrington, Noufaily preset', (y) => farringtonFlexible(y, { ...NOUFAILY_PRESET, range: { from: FROM } })],
];

const scenarios: readonly { name: string; options: PointSourceOptions }[] = [
  { name: 'A: sim.pointSource defaults (p 0.99, r 0.01), A 1, α 1, K 1.7', options: { length: WEEKS, K: 1.7 } },
  { name: 'B: longer outbreaks (p 0.99, r 0.5, as R\'s example), K 1.2', options: { length: WEEKS, K: 1.2, r: 0.5 } },
];

const pct = (v: number): string => (Number.isNaN(v) ? '–' : `${(100 * v).toFixed(1)} %`);
function row(name: string, f: QualityFigures, seconds: number): string {
  return `| ${name} | ${pct(f.sensitivity)} | ${pct(f.specificity)} | ${pct(f.falseAlarmRate)} | ${pct(f.detectedShare)} | ${Number.isNaN(f.meanDelay) ? '–' : f.meanDelay.toFixed(2)} | ${f.monitored} / ${f.points} | ${seconds.toFixed(1)} |`;
}

console.log(`detection quality: ${seriesCount} simulated series × ${WEEKS} weeks per scenario, seed ${seed}, weeks ${FROM}–${WEEKS} scored`);
for (const [s, scenario] of scenarios.entries()) {
  const random = mulberry32(seed + s);
  const series = Array.from({ length: seriesCount }, () => simPointSource(random, scenario.options));
  const outbreakWeeks = series.reduce((n, x) => n + x.state.slice(FROM - 1).filter((v) => v === 1).length, 0);
  console.log(`\nScenario ${scenario.name}: ${outbreakWeeks} outbreak weeks scored`);
  console.log('| method | sensitivity | specificity | false alarms | outbreaks detected | mean delay (weeks) | monitored / scored points | s |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, run] of methods) {
    const start = performance.now();
    const figures = evaluateMethod(series.map((x) => ({ points: run(x.observed), state: x.state })));
    console.log(row(name, figures, (performance.now() - start) / 1000));
  }
}
