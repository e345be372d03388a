/**
 * Issue 13 items 2-3: every read of a composed Aimline goes through the one read seam. Given a
 * principal of a role, when they read, then what their rules withhold is `[withheld:<category>]`
 * (in events and in the folded state alike), cases they may not see are absent, and each read
 * of personal data is in the access log with its purpose.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultAccessPolicy,
  memoryAccessLog,
  modulesNotWhollyRead,
  PERSONAL_DATA_CATEGORIES,
} from '@aimline/governance';
import { defaultCouncilPolicy, domainRegistry, type Principal } from '../src/index.js';
import { auditor, hsbChild, reportConcern, setUp, socialWorker } from './fixtures.js';

/** The school representative of the child in `case-1`: identity only, never case notes. */
const schoolRep: Principal = {
  id: 'sr-1',
  role: 'school-representative',
  agency: 'education',
  streams: ['hsb-case-case-1'],
  panels: [],
  school: hsbChild.school,
  pupils: [hsbChild.childId],
};
/** A social worker allocated to no case. */
const outsider: Principal = { ...socialWorker, id: 'sw-other', streams: [] };

const twoCases = async () => {
  const accessLog = memoryAccessLog();
  const app = setUp({ accessLog });
  for (const id of ['case-1', 'case-2'])
    await app.aimline.hsb.execute(socialWorker, reportConcern(id));
  return { ...app, accessLog };
};

describe('createAimline reads are need to know (issue 13 items 2-3)', () => {
  it("given a school representative, when they read the events of their pupil's case, then the case notes are [withheld:freeText], their pupil's identity is shown, and the read is logged with its purpose", async () => {
    const { aimline, accessLog } = await twoCases();
    const read = await aimline.hsb.events(schoolRep, 'case-1', { purpose: 'strategy discussion' });
    if (read.kind !== 'Found') throw new Error(read.kind);
    const data = read.value[0]!.data as { summary: string; child: { name: string } };
    expect(data.summary).toBe('[withheld:freeText]');
    expect(data.child.name).toBe(hsbChild.name);
    expect(accessLog.entries()).toMatchObject([
      {
        principal: 'sr-1',
        role: 'school-representative',
        purpose: 'strategy discussion',
        streams: ['hsb-case-case-1'],
        subjects: [hsbChild.childId],
        withheld: 1,
      },
    ]);
  });

  it('given a principal whose rule withholds a date of birth, when they get the case, then the state is folded from the redacted events: [withheld:dateOfBirth], never the value, and the read of the case is recorded', async () => {
    const { aimline, accessLog } = await twoCases();
    const notPupil: Principal = { ...schoolRep, id: 'sr-2', pupils: ['someone-else'] };
    const view = await aimline.hsb.get(notPupil, 'case-1');
    if (view.kind !== 'Found' || view.value.state.status === 'none') throw new Error(view.kind);
    expect(view.value.state.child.dateOfBirth).toBe('[withheld:dateOfBirth]');
    expect(JSON.stringify(view.value)).not.toContain(hsbChild.dateOfBirth);
    expect(JSON.stringify(view.value)).not.toContain(hsbChild.school);
    // None of the child's personal data was shown, but the case was: its read is recorded,
    // with no category, naming the child it is about.
    expect(accessLog.entries()).toMatchObject([
      {
        principal: 'sr-2',
        streams: ['hsb-case-case-1'],
        subjects: [],
        categories: [],
        about: [hsbChild.childId],
      },
    ]);
  });

  it('given a social worker allocated to no case, then every case is absent: get, events and timeline are NotFound, list is empty, and nothing is logged', async () => {
    const { aimline, accessLog } = await twoCases();
    expect(await aimline.hsb.get(outsider, 'case-1')).toMatchObject({ kind: 'NotFound' });
    expect(await aimline.hsb.events(outsider, 'case-1')).toMatchObject({ kind: 'NotFound' });
    expect(await aimline.hsb.timeline(outsider, 'case-1')).toMatchObject({ kind: 'NotFound' });
    expect(await aimline.hsb.list(outsider)).toEqual({ kind: 'Found', value: [] });
    expect(accessLog.entries()).toEqual([]);
  });

  it('list gives only the cases the principal may see, each folded from what they may see, and logs the read', async () => {
    const { aimline, accessLog } = await twoCases();
    const mine = await aimline.hsb.list(schoolRep, { purpose: 'pupil welfare' });
    expect(mine.kind === 'Found' && mine.value.map((c) => c.id)).toEqual(['case-1']);
    const all = await aimline.hsb.list(auditor);
    expect(all.kind === 'Found' && all.value.map((c) => c.id)).toEqual(['case-1', 'case-2']);
    expect(accessLog.entries().map((e) => [e.principal, e.purpose])).toEqual([
      ['sr-1', 'pupil welfare'],
      ['aud-1', 'hsb-case list'],
    ]);
  });

  it('timeline: a school representative sees only the events their rule names', async () => {
    const { aimline } = await twoCases();
    const t = await aimline.hsb.timeline(schoolRep, 'case-1');
    expect(t.kind === 'Found' && t.value.entries.map((e) => e.type)).toEqual(['ConcernReported']);
  });

  it("a principal that is not well formed (or not the directory's entry) is Forbidden, and nothing is read", async () => {
    const { aimline, accessLog } = await twoCases();
    const forged = { ...socialWorker, role: 'janitor' } as unknown as Principal;
    expect(await aimline.hsb.get(forged, 'case-1')).toMatchObject({ kind: 'Forbidden' });
    expect(await aimline.hsb.list(forged)).toMatchObject({ kind: 'Forbidden' });
    expect(accessLog.entries()).toEqual([]);
  });

  it("aimline.reads is the seam for a projection of the app's own: only visible events, redacted, logged", async () => {
    const { aimline, accessLog } = await twoCases();
    const view = aimline.reads(schoolRep, 'school dashboard');
    if (view._tag === 'Left') throw new Error(view.left.reason);
    const streams: string[] = [];
    for await (const e of view.right.readAll()) streams.push(e.stream);
    expect(streams).toEqual(['hsb-case-case-1']);
    expect(accessLog.entries()).toMatchObject([{ principal: 'sr-1', purpose: 'school dashboard' }]);
  });
});

describe('duties over the whole store (issue 13 items 5-6)', () => {
  it('by default the auditor and the records manager read every record of every module Aimline registers, with every category, legal holds and erasures included', () => {
    const modules = domainRegistry(defaultCouncilPolicy()).modules.map((m) => m.name);
    expect(modules).toEqual(expect.arrayContaining(['legal-hold', 'personal-data-erasure']));
    for (const role of ['auditor', 'records-manager'] as const)
      expect(
        modulesNotWhollyRead(
          defaultAccessPolicy,
          { ...auditor, role },
          modules,
          PERSONAL_DATA_CATEGORIES,
        ),
      ).toEqual([]);
  });
});
