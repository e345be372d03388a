// Prints vitest's JSON results as counts, ending with the line "N passed, N failed".
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-results.json';
let results;
try {
  results = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.log(
    `could not read test results from ${file}: ${e instanceof Error ? e.message : String(e)}`,
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
const failedSuites = (results.testResults ?? []).filter(
  (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
);
for (const s of failedSuites)
  console.log(`suite failed to run: ${s.name}: ${String(s.message ?? '').split('\n')[0]}`);
const skippedNames = (results.testResults ?? []).flatMap((r) =>
  (r.assertionResults ?? [])
    .filter((a) => a.status === 'pending' || a.status === 'skipped')
    .map((a) => a.fullName),
);
if (skippedNames.length) {
  console.log(`${skippedNames.length} skipped:`);
  for (const n of skippedNames.slice(0, 20)) console.log(`  - ${n}`);
}
console.log(`test files: ${(results.testResults ?? []).length}; skipped tests: ${skipped}`);
console.log(
  `${results.numPassedTests ?? 0} passed, ${(results.numFailedTests ?? 0) + failedSuites.length} failed`,
);
process.exit((results.numFailedTests ?? 0) + failedSuites.length > 0 ? 1 : 0);
