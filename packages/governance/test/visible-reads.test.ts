import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@aimline/kernel';
import {
  defaultAccessPolicy,
  memoryAccessLog,
  needToKnowReader,
  type Principal,
} from '../src/index.js';
import { concern, hsb, principal, storeWith } from './access-fixtures.js';

const rep: Principal = principal('school-representative', {
  streams: ['hsb-case-C-1'],
  school: 'Birchwood Primary',
  pupils: ['victim-C-1'],
});

const setUp = async (who: Principal) => {
  const log = memoryAccessLog();
  const reader = needToKnowReader({
    store: await storeWith('C-1', 'C-2'),
    modules: [hsb],
    policy: defaultAccessPolicy,
    principal: who,
    log,
    clock: () => '2026-07-01T10:00:00Z',
  });
  return { log, view: reader.visible({ purpose: 'strategy discussion' }) };
};

/** A projection: each stream's state folded with the module's own decider from the events read. */
const fold = async (events: AsyncIterable<RecordedEvent>) => {
  const states = new Map<string, ReturnType<typeof hsb.decider.evolve>>();
  for await (const recorded of events) {
    const decoded = hsb.events.decode(recorded);
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    states.set(
      recorded.stream,
      hsb.decider.evolve(states.get(recorded.stream) ?? hsb.decider.initialState, decoded.right),
    );
  }
  return states;
};

describe("the principal's view for projections folds only what they may see (issue 13 items 2-3)", () => {
  it("given a school representative, when a projection folds their view, then the other child's date of birth and school are [withheld:…] in the folded state, other cases are absent, and the read is logged once", async () => {
    const { log, view } = await setUp(rep);
    const states = await fold(view.readAll({ filter: { streamPrefixes: ['hsb-case-'] } }));
    expect([...states.keys()]).toEqual(['hsb-case-C-1']);
    const folded = JSON.stringify(states.get('hsb-case-C-1'));
    const { child, victim } = concern('C-1');
    expect(folded).toContain('"dateOfBirth":"[withheld:dateOfBirth]"');
    expect(folded).toContain('"school":"[withheld:school]"');
    expect(folded).toContain(victim.dateOfBirth);
    expect(folded).toContain(victim.school);
    expect(folded).not.toContain(child.dateOfBirth);
    expect(folded).not.toContain(child.school);
    expect(log.entries()).toMatchObject([
      {
        principal: rep.id,
        role: 'school-representative',
        purpose: 'strategy discussion',
        streams: ['hsb-case-C-1'],
        subjects: ['victim-C-1'],
      },
    ]);
    expect(log.entries()[0]!.withheld).toBeGreaterThan(0);
  });

  it('a stream the principal may not see reads as empty, and nothing is logged', async () => {
    const { log, view } = await setUp(rep);
    const events: RecordedEvent[] = [];
    for await (const e of view.readStream('hsb-case-C-2')) events.push(e);
    expect(events).toEqual([]);
    expect(log.entries()).toEqual([]);
  });

  it('a read stopped part way is still logged for what it showed', async () => {
    const { log, view } = await setUp(principal('auditor'));
    for await (const e of view.readAll()) if (e.stream === 'hsb-case-C-1') break;
    expect(log.entries()).toMatchObject([{ streams: ['hsb-case-C-1'] }]);
  });

  it('a view without a stated purpose is refused before anything is read', async () => {
    const reader = needToKnowReader({
      store: await storeWith('C-1'),
      modules: [hsb],
      policy: defaultAccessPolicy,
      principal: principal('auditor'),
      log: memoryAccessLog(),
      clock: () => '2026-07-01T10:00:00Z',
    });
    expect(() => reader.visible({ purpose: '' })).toThrow('purpose');
  });
});
