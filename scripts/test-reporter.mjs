// A node:test reporter: one line per failing or passing test, failures in full at the end, and a
// closing line "N passed, N failed, N skipped" that CI reads.
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  for await (const event of source) {
    const data = event.data ?? {};
    const isSuite = data.details?.type === 'suite';
    switch (event.type) {
      case 'test:pass':
        if (isSuite) break;
        if (data.skip !== undefined || data.todo !== undefined) {
          skipped++;
          yield `  - ${data.name} (skipped${typeof data.skip === 'string' ? `: ${data.skip}` : ''})\n`;
        } else {
          passed++;
          yield `  ✓ ${data.name} (${Math.round(data.details?.duration_ms ?? 0)} ms)\n`;
        }
        break;
      case 'test:fail': {
        // A suite fails when a test in it fails; count only the tests (and files that crash).
        const cause = data.details?.error?.cause ?? data.details?.error;
        if (isSuite && data.details?.error?.failureType === 'subtestsFailed') break;
        failed++;
        failures.push({ name: data.name, file: data.file, error: cause });
        yield `  ✗ ${data.name}\n`;
        break;
      }
      case 'test:diagnostic':
        if (!/^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /.test(data.message ?? '')) yield `  # ${data.message}\n`;
        break;
      case 'test:stderr':
      case 'test:stdout':
        if (process.env.TEST_VERBOSE) yield data.message;
        break;
      default:
        break;
    }
  }
  if (failures.length > 0) {
    yield '\nFailures:\n';
    for (const failure of failures) {
      const error = failure.error;
      const text = error?.stack ?? error?.message ?? String(error);
      yield `\n✗ ${failure.name}${failure.file ? ` (${failure.file})` : ''}\n${text}\n`;
    }
  }
  yield `\n${passed} passed, ${failed} failed, ${skipped} skipped\n`;
}
