import { describe, expect, it } from 'vitest';
import {
  defaultAccessPolicy,
  filterEvent,
  isWithheld,
  subjectFieldsFinder,
  withheld,
  type FilteredEvent,
} from '../src/index.js';
import { concern, concernEvent, hsb, principal } from './access-fixtures.js';

const event = concernEvent(concern('C-1'));
const data = (f: FilteredEvent | undefined) =>
  f?.event.data as ReturnType<typeof concern> & Record<string, unknown>;

describe('need-to-know reads: the default access policy (issue 13 item 2)', () => {
  it('an auditor sees everything', () => {
    const f = filterEvent(defaultAccessPolicy, principal('auditor'), hsb, event);
    expect(f?.event.data).toEqual(event.data);
    expect(f?.withheld).toEqual([]);
  });

  it('a social worker sees the cases they are allocated to, and no other', () => {
    const mine = principal('social-worker', { streams: ['hsb-case-C-1'] });
    expect(filterEvent(defaultAccessPolicy, mine, hsb, event)?.event.data).toEqual(event.data);
    expect(
      filterEvent(defaultAccessPolicy, principal('social-worker'), hsb, event),
    ).toBeUndefined();
  });

  it('a panel member sees panel referrals and decisions, not case notes: no HSB case event', () => {
    const member = principal('panel-member', { panels: ['aim-panel'] });
    expect(filterEvent(defaultAccessPolicy, member, hsb, event)).toBeUndefined();
  });

  it("a school representative sees their own pupil's identity in the case, and never the other child's", () => {
    const rep = principal('school-representative', {
      streams: ['hsb-case-C-1'],
      school: 'Birchwood Primary',
      pupils: ['victim-C-1'],
    });
    const f = filterEvent(defaultAccessPolicy, rep, hsb, event);
    expect(f).toBeDefined();
    const victim = concern('C-1').victim;
    expect(data(f).victim.name).toBe(victim.name);
    expect(data(f).victim.dateOfBirth).toBe(victim.dateOfBirth);
    expect(data(f).child.name).toBe(withheld('name'));
    expect(data(f).child.dateOfBirth).toBe(withheld('dateOfBirth'));
    expect(data(f).summary).toBe(withheld('freeText'));
    expect(JSON.stringify(f?.event.data)).not.toContain('Alex Testchild');
  });

  it("free text with no person of its own belongs to the stream's primary subject (the child the case is about)", () => {
    const fields = subjectFieldsFinder()(hsb, event);
    const subjectAt = (path: string) => fields.find((x) => x.path.join('.') === path)?.subject;
    expect(subjectAt('child.name')).toBe('child-C-1');
    expect(subjectAt('victim.name')).toBe('victim-C-1');
    expect(subjectAt('summary')).toBe('child-C-1');
  });

  it('business support never sees a concern; a principal with no rule sees nothing', () => {
    expect(
      filterEvent(defaultAccessPolicy, principal('business-support'), hsb, event),
    ).toBeUndefined();
    expect(filterEvent({}, principal('auditor'), hsb, event)).toBeUndefined();
  });

  it('a withheld field is a typed marker naming its category', () => {
    const bs = {
      'social-worker': [
        {
          module: 'hsb-case',
          streams: 'all',
          events: 'all',
          categories: ['school'],
          subjects: 'all',
        },
      ],
    } as const;
    const f = filterEvent(bs, principal('social-worker'), hsb, event);
    expect(data(f).child).toEqual({
      childId: 'child-C-1',
      name: '[withheld:name]',
      dateOfBirth: '[withheld:dateOfBirth]',
      school: 'Oakfield Academy',
    });
    expect(isWithheld(data(f).child.name)).toBe(true);
    expect(f?.withheld.map((w) => [w.path.join('.'), w.category])).toEqual(
      expect.arrayContaining([
        ['child.name', 'name'],
        ['victim.name', 'name'],
        ['summary', 'freeText'],
      ]),
    );
  });
});
