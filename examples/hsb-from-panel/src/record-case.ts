// An HSB case from the panel's decision to its initial AIM meeting held; its overdue deadlines in London.
import { createAimline, describeRefusal } from '@aimline/aimline';
import { londonTime } from '@aimline/calendar';
import { InMemoryEventStore } from '@aimline/kernel';
import { asOf, caseId, manager, steps } from './steps.js';

let now = ''; // this script records each step when it happened
const aimline = createAimline({ store: new InMemoryEventStore(), clock: () => now });
for (const { as, process, command } of steps) {
  now = command.at;
  const result = await aimline.service(process)!.execute(as, command);
  if (result.kind !== 'Accepted') throw new Error(`${command.type}: ${describeRefusal(result)}`);
  await aimline.processes.settled(); // the decision starts the case; the booking, its meeting stream
}
const view = await aimline.hsb.get(manager, caseId, { asOf }); // read as a principal
if (view.kind !== 'Found' || view.value.state.status === 'none') throw new Error(caseId);
const { state, deadlines } = view.value;
console.log(`Case ${caseId}: initial AIM meeting held ${londonTime(state.initialMeetingAt!)}`);
console.log(`Overdue at ${londonTime(asOf)}:`);
for (const d of deadlines.filter((d) => d.state === 'overdue'))
  console.log(`  ${d.ruleId} ${d.label}: due ${d.dueLocal}, ${d.late} late`);
await aimline.close();
