// Fails when the import graph under the given folders has a cycle (default: src and web/src).
// Usage: node scripts/check-cycles.mjs [folder…]
import madge from 'madge';

const roots = process.argv.slice(2);
const folders = roots.length > 0 ? roots : ['src', 'web/src'];
const result = await madge(folders, {
  fileExtensions: ['ts', 'tsx'],
  tsConfig: 'tsconfig.json',
  detectiveOptions: { ts: { skipTypeImports: true }, tsx: { skipTypeImports: true } },
});
const cycles = result.circular();
if (cycles.length > 0) {
  console.error(`import cycles found (${cycles.length}):`);
  for (const cycle of cycles) console.error(`  ${cycle.join(' -> ')}`);
  process.exit(1);
}
console.log(`no import cycles in ${folders.join(', ')} (${Object.keys(result.obj()).length} files)`);
