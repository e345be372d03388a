/**
 * Prints an invented case's HSB deadlines under the default policy and under Example Borough
 * Council's own (its Christmas closure, HSB-12 in working days), side by side.
 *
 *   npx tsx examples/deadline-policy-properties/src/main.ts
 */
import { comparePolicies } from './compare.js';
import { exampleCase } from './example-case.js';

const commands = exampleCase({
  reportAt: '2026-12-21T09:00:00Z',
  strategyAt: '2026-12-21T15:00:00Z',
  allocatedAt: '2026-12-23T10:00:00Z',
  supervisedAt: '2026-12-24T10:00:00Z',
  meetingStart: '2027-02-04T10:00:00Z',
});

console.log('An invented case: strategy Mon 21 Dec 2026, allocation Wed 23 Dec 2026\n');
for (const { council, standard } of comparePolicies(commands)) {
  const moved = council.due === standard.due ? '' : '   <- differs';
  console.log(`${council.ruleId.padEnd(7)} ${council.label}${moved}`);
  console.log(`  default: ${standard.explanation}`);
  console.log(`  council: ${council.explanation}\n`);
}
