/**
 * The CAP 1.2 codec (src/warnings/cap/) on the red rainstorm fixture (67 KB: two info blocks,
 * Wuhan's 1,168-point boundary twice), each figure beside a baseline measured in the same run:
 *   - read (parseCapXml: XML → checked CapAlert) vs fast-xml-parser's plain parse of the same text;
 *   - write (capToXml) vs fast-xml-parser's XMLBuilder on its own parse of the same message;
 *   - full validation (XSD + rules) one message at a time with validateCap (one long-lived xmllint
 *     worker) vs xmllint-wasm's own validateXML (XSD only, a fresh worker and Wasm compile per call),
 *     and the same messages in one validateCapBatch.
 *
 *   node --import tsx bench/cap-codec.bench.ts        (BENCH_RUNS sets the read/write count, default 300)
 */
import { readFile } from 'node:fs/promises';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { readCapFixture } from '../src/warnings/cap/test-support.js';
import { parseCapXml } from '../src/warnings/cap/xml-import.js';
import { capToXml } from '../src/warnings/cap/xml-export.js';
import { validateCap, validateCapBatch } from '../src/warnings/cap/validate.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const BATCH = 20;

function perSecond(count: number, fn: () => void): number {
  const start = performance.now();
  for (let i = 0; i < count; i++) fn();
  return (count / (performance.now() - start)) * 1000;
}

const xml = readCapFixture('rainstorm-red-wuhan');
const alert = parseCapXml(xml).alert!;
const fxpParser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false });
const fxpTree = fxpParser.parse(xml) as unknown;
const fxpBuilder = new XMLBuilder({ ignoreAttributes: false, format: true });

// Warm-up, so neither side pays for JIT compilation in its timed runs.
for (let i = 0; i < 20; i++) {
  parseCapXml(xml);
  fxpParser.parse(xml);
  capToXml(alert);
  fxpBuilder.build(fxpTree);
}

const read = perSecond(RUNS, () => parseCapXml(xml));
const readBaseline = perSecond(RUNS, () => fxpParser.parse(xml));
console.log(`read  ${(xml.length / 1024).toFixed(0)} KB message: parseCapXml ${read.toFixed(0)} msg/s; fast-xml-parser parse (no checks) ${readBaseline.toFixed(0)} msg/s; ratio ${(read / readBaseline).toFixed(2)}`);

const write = perSecond(RUNS, () => capToXml(alert));
const writeBaseline = perSecond(RUNS, () => fxpBuilder.build(fxpTree));
console.log(`write ${(xml.length / 1024).toFixed(0)} KB message: capToXml ${write.toFixed(0)} msg/s; fast-xml-parser XMLBuilder ${writeBaseline.toFixed(0)} msg/s; ratio ${(write / writeBaseline).toFixed(2)}`);

const texts = Array.from({ length: BATCH }, () => xml);
const schema = await readFile(new URL('../data/cap/CAP-v1.2.xsd', import.meta.url), 'utf8');
await validateCap(xml); // starts the worker and compiles the module once, as a server does
const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};
const single: unknown[] = [];
const singleMs = await time(async () => {
  for (const text of texts) single.push(await validateCap(text));
});
const libraryMs = await time(async () => {
  for (const text of texts) {
    const result = await validateXML({ xml: [{ fileName: 'message.xml', contents: text }], schema: [{ fileName: 'CAP-v1.2.xsd', contents: schema }] });
    if (!result.valid) throw new Error(result.rawOutput);
  }
});
let batched: unknown[] = [];
const batchMs = await time(async () => {
  batched = await validateCapBatch(texts);
});
if (single.some((problems) => (problems as unknown[]).length > 0) || JSON.stringify(single) !== JSON.stringify(batched)) throw new Error('the fixture must validate, and batch and single runs must agree');
const rate = (ms: number) => ((BATCH / ms) * 1000).toFixed(1);
console.log(`validate ${BATCH} messages one at a time: validateCap (XSD + rules) ${singleMs.toFixed(0)} ms (${rate(singleMs)} msg/s); xmllint-wasm validateXML (XSD only) ${libraryMs.toFixed(0)} ms (${rate(libraryMs)} msg/s); ratio ${(libraryMs / singleMs).toFixed(1)}× faster`);
console.log(`validate ${BATCH} messages in one validateCapBatch: ${batchMs.toFixed(0)} ms (${rate(batchMs)} msg/s)`);
