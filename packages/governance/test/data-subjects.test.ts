/**
 * Whose personal data a field is, where a record names people beside its primary subject
 * (issue 13 items 4 and 6): the professionals who chair and lead an HSB case's initial AIM
 * meeting, and the parent an attendance AIM letter is addressed to. Their names are their own:
 * withheld from the child's subject access response, shown in their own, sealed with their own
 * key and erased with it. Invented people only.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collect,
  erasedCategory,
  InMemoryEventStore,
  type AnyDomainModule,
  type DomainEvent,
  type RecordedEvent,
} from '@aimline/kernel';
import { hsbCaseModule } from '@aimline/hsb-aim';
import { attendanceAimModule } from '@aimline/attendance-aim';
import {
  encryptingEventStore,
  localMasterKey,
  openKeyVault,
  personalFieldsByModule,
  subjectAccessReport,
} from '../src/index.js';
import { scheduled } from './lifecycle-fixtures.js';
import { alleged, arrangements, victim } from '../../hsb-aim/test/fixtures.js';
import { goodLetter, letterSent, mum, opened } from '../../attendance-aim/test/fixtures.js';

const hsb = hsbCaseModule();
const attendance = attendanceAimModule();

const MEETING_START = '2026-07-15T09:00:00Z';
const booking = arrangements(MEETING_START);
const { chair, leadProfessional } = booking;

/** An HSB case reported, then its initial AIM meeting booked with a chair and a lead professional. */
const hsbCase: ReadonlyArray<DomainEvent> = [
  {
    type: 'ConcernReported',
    data: {
      caseId: 'C-1',
      at: '2026-06-01T09:00:00Z',
      disclosedAt: '2026-06-01T08:00:00Z',
      behaviourDate: '2026-05-30',
      child: alleged,
      victim,
      notifications: {
        childrensSocialCare: '2026-06-01T08:30:00Z',
        police: '2026-06-01T08:40:00Z',
      },
      summary: 'Invented summary of a concern.',
    },
  },
  {
    type: 'InitialAimMeetingBooked',
    data: {
      caseId: 'C-1',
      at: '2026-06-03T09:00:00Z',
      meetingId: 'mtg-1',
      start: MEETING_START,
      arrangements: booking,
    },
  },
];

/** An attendance case opened with the pupil's parents, then the AIM letter sent to the mother. */
const attendanceCase: ReadonlyArray<DomainEvent> = [opened(), letterSent];

const asScheduled = (module: AnyDomainModule, stream: string, events: ReadonlyArray<DomainEvent>) =>
  events.map((e) => scheduled(module, stream, e, (e.data as { at: string }).at));

const HSB_STREAM = 'hsb-case-C-1';
const ATTENDANCE_STREAM = 'attendance-aim-case-7';

describe('subject access: people a record names beside its child are people of their own', () => {
  it("given an initial AIM meeting booked with a chair and a lead professional, when the child asks, then neither professional's name is in the response and the child's name is only the child's", () => {
    const report = subjectAccessReport(alleged.childId, asScheduled(hsb, HSB_STREAM, hsbCase));
    const text = JSON.stringify(report);
    expect(text).not.toContain(chair.name);
    expect(text).not.toContain(leadProfessional.name);
    const name = report.details.find((d) => d.field === 'name');
    expect(name?.current).toBe(alleged.name);
    expect(name?.history.map((h) => h.value)).toEqual([alleged.name]);
  });

  it('given the same booking, when the chair asks, then the booking is in their response with their own name', () => {
    const report = subjectAccessReport(chair.id, asScheduled(hsb, HSB_STREAM, hsbCase));
    expect(report.records.map((r) => r.record)).toEqual([HSB_STREAM]);
    expect(report.details.find((d) => d.field === 'name')?.current).toBe(chair.name);
    const text = JSON.stringify(report);
    expect(text).not.toContain(leadProfessional.name);
    expect(text).not.toContain(alleged.name);
  });

  it("given an AIM letter addressed to the pupil's mother, when the pupil asks, then the mother's name is withheld and the pupil's name is only the pupil's", () => {
    const events = asScheduled(attendance, ATTENDANCE_STREAM, attendanceCase);
    const report = subjectAccessReport('pupil-1', events);
    const text = JSON.stringify(report);
    expect(text).not.toContain(goodLetter.addressedTo.firstName);
    expect(text).not.toContain(goodLetter.addressedTo.lastName);
    for (const d of report.details.filter((x) => x.field === 'firstName' || x.field === 'lastName'))
      expect(d.history.map((h) => h.value)).not.toContain(mum.firstName);
  });

  it('given the same letter, when the mother asks, then the letter is in her response, addressed to her', () => {
    const report = subjectAccessReport(
      mum.parentId,
      asScheduled(attendance, ATTENDANCE_STREAM, attendanceCase),
    );
    const letter = report.records.flatMap((r) => r.events).find((e) => e.type === 'AimLetterSent');
    expect((letter?.data as { letter: typeof goodLetter }).letter.addressedTo).toEqual(
      goodLetter.addressedTo,
    );
  });
});

describe('erasure: a name is sealed with its own person’s key, so erasing that person erases it', () => {
  const storeWith = async () => {
    const master = localMasterKey(randomBytes(32));
    const dir = mkdtempSync(join(tmpdir(), 'aimline-data-subjects-'));
    const vault = await openKeyVault(join(dir, 'keys.db'), master, 'create');
    const store = encryptingEventStore(
      new InMemoryEventStore(),
      vault,
      personalFieldsByModule([hsb, attendance]),
    );
    const append = (stream: string, events: ReadonlyArray<DomainEvent>) =>
      store.append(
        stream,
        events.map((e) => ({
          id: randomUUID(),
          type: e.type,
          schemaVersion: 1,
          data: e.data,
          metadata: {
            occurredAt: (e.data as { at: string }).at,
            recordedAt: (e.data as { at: string }).at,
            actor: { id: 'bs-1', role: 'business-support', agency: 'business-support' },
            commandId: randomUUID(),
            commandFingerprint: 'f'.repeat(64),
            correlationId: randomUUID(),
            causationId: randomUUID(),
          },
        })),
        { expectedRevision: 'no-stream' },
      );
    const read = (stream: string): Promise<RecordedEvent[]> => collect(store.readStream(stream));
    return { vault, append, read };
  };

  it("given a booked initial AIM meeting, when the chair's key is destroyed, then the chair's name reads erased and the child's and lead professional's names stay", async () => {
    const { vault, append, read } = await storeWith();
    await append(HSB_STREAM, hsbCase);
    vault.destroyKey(vault.subjectRef(chair.id), 'invented erasure', '2033-01-01T10:00:00Z');
    const [concern, booked] = await read(HSB_STREAM);
    const a = (booked!.data as { arrangements: typeof booking }).arrangements;
    expect(erasedCategory(a.chair.name)).toBe('name');
    expect(a.leadProfessional.name).toBe(leadProfessional.name);
    expect((concern!.data as { child: typeof alleged }).child.name).toBe(alleged.name);
  });

  it("given an AIM letter to the pupil's mother, when the mother's key is destroyed, then the letter's addressee reads erased and the pupil's name stays", async () => {
    const { vault, append, read } = await storeWith();
    await append(ATTENDANCE_STREAM, attendanceCase);
    vault.destroyKey(vault.subjectRef(mum.parentId), 'invented erasure', '2033-01-01T10:00:00Z');
    const [caseOpened, letter] = await read(ATTENDANCE_STREAM);
    const to = (letter!.data as { letter: typeof goodLetter }).letter.addressedTo;
    expect(erasedCategory(to.firstName)).toBe('name');
    expect(erasedCategory(to.lastName)).toBe('name');
    expect((caseOpened!.data as { pupil: { firstName: string } }).pupil.firstName).toBe('Tilly');
  });
});
