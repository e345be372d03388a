import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { makeMeetingDecider, meetingCommands, meetingEvents, meetingModule } from '../src/index.js';
import {
  MEETING,
  asLead,
  command,
  listSubmitted,
  parent,
  scheduleData,
  scheduled,
  sheet,
  attended,
  drafted,
} from './fixtures.js';

const paths = (type: string) =>
  meetingEvents.personalData(type).map((p) => `${p.path}:${p.category}`);

describe('codecs: wire commands are exact', () => {
  it('MTG-1: an unknown field in the data or inside the location is refused with its path', () => {
    const r = meetingCommands.decode({
      commandId: '00000000-0000-4000-8000-00000000000a',
      type: 'ScheduleMeeting',
      at: '2026-02-02T09:00:00Z',
      actor: asLead,
      data: {
        meetingId: MEETING,
        ...scheduleData,
        location: { ...scheduleData.location, doorCode: '1234' },
        agenda: 'not part of the command',
      },
    });
    expect(E.isLeft(r) && r.left.problems).toEqual([
      { path: 'data.location.doorCode', message: 'unknown field' },
      { path: 'data.agenda', message: 'unknown field' },
    ]);
  });
});

describe('codecs: personal data is marked, wire commands are validated, events round-trip', () => {
  it("MTG-2: invitees' names, email and postal addresses are personal data", () => {
    expect(paths('InviteListSubmitted')).toEqual(
      expect.arrayContaining([
        'invitees.[].name:name',
        'invitees.[].contact.email:contact',
        'invitees.[].contact.post:address',
      ]),
    );
  });

  it("MTG-1: the chair's and lead professional's names and a venue are personal data; subjects are ids only", () => {
    const p = paths('MeetingScheduled');
    expect(p).toEqual(
      expect.arrayContaining([
        'chair.name:name',
        'leadProfessional.name:name',
        'location.venue:address',
      ]),
    );
    expect(p.some((x) => x.startsWith('subjects'))).toBe(false);
  });

  it("MTG-6 / MTG-7: attendees' names and the actions' descriptions are personal data", () => {
    expect(paths('AttendanceRecorded')).toContain('attendees.[].name:name');
    expect(paths('DraftMinutesSubmitted')).toContain('actions.[].description:freeText');
    expect(meetingCommands.personalData('QueryContactDetails').map((p) => p.path)).toContain(
      'anomaly',
    );
  });

  it('MTG-3: a rejection reason names the invitee by id, never by name or address', () => {
    const r = deciderSpec(makeMeetingDecider())
      .given([scheduled(), listSubmitted()])
      .when(
        command(
          'SendInvitation',
          { inviteeId: parent.id, channel: 'post' },
          '2026-02-05T09:00:00Z',
        ),
      )
      .thenRejects('MTG-3');
    expect(r.reason).toContain(parent.id);
    expect(r.reason).not.toContain(parent.name);
    expect(r.reason).not.toContain(parent.contact.post!);
  });

  it('MTG-1: a wire command is decoded; an instant without an offset is refused (T-1)', () => {
    const wire = {
      commandId: '00000000-0000-4000-8000-000000000001',
      type: 'ScheduleMeeting',
      at: '2026-02-02T09:00:00Z',
      actor: asLead,
      data: { meetingId: MEETING, ...scheduleData },
    };
    expect(E.isRight(meetingCommands.decode(wire))).toBe(true);
    const bad = meetingCommands.decode({
      ...wire,
      data: { ...wire.data, start: '2026-03-12T10:00:00' },
    });
    expect(E.isLeft(bad) && bad.left.problems.map((p) => p.path)).toContain('data.start');
    const blank = meetingCommands.decode({ ...wire, data: { ...wire.data, meetingId: ' ' } });
    expect(E.isLeft(blank)).toBe(true);
  });

  it('every event encodes and decodes back to itself', () => {
    for (const e of [scheduled(), listSubmitted(), attended(sheet), drafted()]) {
      const encoded = meetingEvents.encode(e);
      const decoded = meetingEvents.decode({
        stream: `meeting-${MEETING}`,
        revision: 0,
        ...encoded,
      });
      expect(decoded).toEqual(E.right(e));
    }
  });

  it('the module routes every command to meeting-{meetingId}', () => {
    const m = meetingModule();
    expect(m.streamPrefix).toBe('meeting-');
    expect(m.streamOf(command('CancelMeeting', { reason: 'x' }, '2026-02-02T09:00:00Z'))).toBe(
      `meeting-${MEETING}`,
    );
    expect(m.events.types).toContain('HardCopiesDestroyed');
  });
});

describe('codecs: one agency list (issue 15)', () => {
  const wire = {
    commandId: '00000000-0000-4000-8000-00000000000b',
    type: 'ScheduleMeeting',
    at: '2026-02-02T09:00:00Z',
    actor: asLead,
    data: { meetingId: MEETING, ...scheduleData },
  };
  it('INPUT: a new command names an agency from the one list, else it is refused naming the field', () => {
    const r = meetingCommands.decode({
      ...wire,
      data: { ...wire.data, chair: { ...scheduleData.chair, agency: 'Testshire CSC' } },
    });
    expect(E.isLeft(r) && r.left.problems.map((p) => p.path)).toContain('data.chair.agency');
  });
  it('a meeting recorded before, with a free-text agency, still reads', () => {
    const stored = scheduled();
    const data = {
      ...(stored.data as Record<string, unknown>),
      chair: { ...scheduleData.chair, agency: 'Testshire CSC' },
    };
    const decoded = meetingEvents.decode({
      stream: `meeting-${MEETING}`,
      revision: 0,
      type: 'MeetingScheduled',
      schemaVersion: 1,
      data,
    });
    expect(E.isRight(decoded) && decoded.right.data).toMatchObject({
      chair: { agency: 'Testshire CSC' },
    });
  });
});
