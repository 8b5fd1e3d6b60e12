import { buildGazetteer, type GazetteerEntry } from './geolocate.js';

/**
 * A small gazetteer with real Hubei codes for tests: the province, Wuhan with Jiang'an and
 * Hongshan, Huangshi, Xiaogan with Xiaonan, and two townships both named 车站街道 (one in
 * Jiang'an, one in Xiaonan), Jingzhou with its own 荆州区.
 */
export const FIXTURE_GAZETTEER_ENTRIES: readonly GazetteerEntry[] = [
  { code: '420000000000', nameZh: '湖北省', nameEn: 'Hubei Province', level: 'province', path: '/000000000000/420000000000/' },
  { code: '420100000000', nameZh: '武汉市', nameEn: 'Wuhan City', level: 'city', path: '/000000000000/420000000000/420100000000/', aliases: ['汉口'] },
  { code: '420102000000', nameZh: '江岸区', nameEn: "Jiang'an District", level: 'county', path: '/000000000000/420000000000/420100000000/420102000000/' },
  { code: '420111000000', nameZh: '洪山区', nameEn: 'Hongshan District', level: 'county', path: '/000000000000/420000000000/420100000000/420111000000/' },
  { code: '420200000000', nameZh: '黄石市', nameEn: 'Huangshi City', level: 'city', path: '/000000000000/420000000000/420200000000/' },
  { code: '420900000000', nameZh: '孝感市', nameEn: 'Xiaogan City', level: 'city', path: '/000000000000/420000000000/420900000000/' },
  { code: '420902000000', nameZh: '孝南区', nameEn: 'Xiaonan District', level: 'county', path: '/000000000000/420000000000/420900000000/420902000000/' },
  { code: '420102003000', nameZh: '车站街道', level: 'township', path: '/000000000000/420000000000/420100000000/420102000000/420102003000/' },
  { code: '420902004000', nameZh: '车站街道', level: 'township', path: '/000000000000/420000000000/420900000000/420902000000/420902004000/' },
  { code: '420102015000', nameZh: '后湖街道', level: 'township', path: '/000000000000/420000000000/420100000000/420102000000/420102015000/' },
  { code: '421000000000', nameZh: '荆州市', nameEn: 'Jingzhou City', level: 'city', path: '/000000000000/420000000000/421000000000/' },
  { code: '421003000000', nameZh: '荆州区', nameEn: 'Jingzhou District', level: 'county', path: '/000000000000/420000000000/421000000000/421003000000/' },
];

export const fixtureGazetteer = () => buildGazetteer(FIXTURE_GAZETTEER_ENTRIES);
