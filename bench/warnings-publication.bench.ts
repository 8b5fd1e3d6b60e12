/**
 * Publishing a CAP warning (compose, XSD + rule validation, store the XML, hand it to
 * dissemination, audit, event: one transaction) beside saving the same content as a draft (the
 * baseline: same checks of the content, same transaction machinery, no CAP validation), and
 * serving the public Atom feed / JSON of the current alerts.
 *
 *   node --import tsx bench/warnings-publication.bench.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/warnings-publication.bench.ts
 *
 * BENCH_N sets the number of warnings (default 60).
 */
import { testDatabases } from '../src/testing/databases.js';
import { buildTestApp, seedScopeTree } from '../src/testing/app.js';
import { createDraft, publishWarning } from '../src/warnings/service.js';
import { loadCapPublisherSettings } from '../src/warnings/settings.js';
import { median } from './support.js';

const N = Number(process.env.BENCH_N ?? 60);

function content(i: number) {
  return {
    categories: ['Met'],
    event: { zh: '暴雨', en: 'Rainstorm' },
    responseTypes: ['Prepare'],
    certainty: 'Likely',
    colour: 'yellow',
    expires: new Date(Date.now() + 6 * 3_600_000).toISOString(),
    texts: { zh: { headline: `江岸区暴雨黄色预警 ${i}`, description: '预计未来6小时内降雨量将达50毫米以上。' }, en: { headline: `Rainstorm warning ${i}`, description: 'Heavy rain expected.' } },
    areas: { jurisdictionCodes: ['420102'], polygons: [[[30.6, 114.28], [30.6, 114.32], [30.64, 114.32], [30.64, 114.28], [30.6, 114.28]]], circles: [], description: '沿江低洼地带' },
  };
}

for (const engine of testDatabases()) {
  const t = await buildTestApp(engine);
  try {
    await seedScopeTree(t.system);
    const settings = loadCapPublisherSettings(t.deps.config);
    const ids: string[] = [];
    const draftMs: number[] = [];
    for (let i = 0; i < N; i++) {
      const start = performance.now();
      ids.push((await createDraft(t.system, { jurisdictionCode: '420102', content: content(i) })).value.id);
      draftMs.push(performance.now() - start);
    }
    const publishMs: number[] = [];
    for (const id of ids) {
      const start = performance.now();
      await publishWarning(t.system, { id, settings });
      publishMs.push(performance.now() - start);
    }
    const feedMs: number[] = [];
    const jsonMs: number[] = [];
    let feedBytes = 0;
    for (let i = 0; i < 15; i++) {
      let start = performance.now();
      const feed = await t.app.inject({ method: 'GET', url: '/public/alerts.atom' });
      feedMs.push(performance.now() - start);
      feedBytes = Buffer.byteLength(feed.body);
      start = performance.now();
      await t.app.inject({ method: 'GET', url: '/public/alerts' });
      jsonMs.push(performance.now() - start);
    }
    const draft = median(draftMs);
    const publish = median(publishMs);
    console.log(`${engine.name}: ${N} warnings`);
    console.log(`  save draft (baseline)      median ${draft.toFixed(1)} ms`);
    console.log(`  publish (CAP + XSD + all)  median ${publish.toFixed(1)} ms   ratio ${(publish / draft).toFixed(1)}× the draft`);
    console.log(`  GET /public/alerts.atom    median ${median(feedMs).toFixed(1)} ms for ${N} entries, ${(feedBytes / 1024).toFixed(1)} KB (first call ${feedMs[0]!.toFixed(1)} ms)`);
    console.log(`  GET /public/alerts (JSON)  median ${median(jsonMs).toFixed(1)} ms   ratio ${(median(feedMs) / median(jsonMs)).toFixed(2)} feed/JSON`);
  } finally {
    await t.close();
  }
}
