/** The case's records: interactions, voice, register imports and corrections, support, opening the case. */
import type { AttendanceCode, CommandData } from '@aimline/attendance-aim';
import { addDays } from '@aimline/calendar';
import type { Actor } from '@aimline/kernel';
import { type Day, H, instant } from '../london-time.js';
import { carers, type Case, doc, interactionId, lead } from './case.js';
import { PARENT_QUOTES, pickSome, PUPIL_QUOTES, SUPPORT_STEPS } from './content.js';

/** A conversation recorded shortly after it happened (ATT-3: date, time and mode). */
export const interact = (
  c: Case,
  withWhom: { kind: 'pupil' } | { kind: 'parent'; parentId: string },
  mode: CommandData<'RecordInteraction'>['mode'],
  summary: string,
  actor: Actor = lead(c),
  response?: CommandData<'RecordInteraction'>['response'],
): void => {
  const at = c.cur.at;
  const occurredAt = instant(c.cur.day, Math.max(H(8, 30), c.cur.min - 5 * c.rng.int(2, 8)));
  c.w.emit('RecordInteraction', at, actor, {
    interactionId: interactionId(c),
    with: withWhom,
    occurredAt,
    mode,
    summary,
    ...(response === undefined ? {} : { response }),
  });
};

/** A contact with one parent or carer (a call, a text, a home visit). */
export const contactParent = (
  c: Case,
  parent: { readonly parentId: string },
  mode: CommandData<'RecordInteraction'>['mode'],
  summary: string,
  actor?: Actor,
  response?: CommandData<'RecordInteraction'>['response'],
): void =>
  interact(c, { kind: 'parent', parentId: parent.parentId }, mode, summary, actor, response);

export const voice = (
  c: Case,
  speaker: { kind: 'pupil' } | { kind: 'parent'; parentId: string },
  meetingId?: string,
): void => {
  const quote = c.rng.pick(speaker.kind === 'pupil' ? PUPIL_QUOTES : PARENT_QUOTES);
  c.w.emit('CaptureVoice', c.cur.later(5, 15), lead(c), {
    speaker,
    quote,
    capturedOn: c.cur.day,
    ...(meetingId === undefined ? {} : { meetingId }),
  });
};

/** NAT-4: the register since the last import, up to and including `to`. */
const importUpTo = (c: Case, to: Day, opts: { overlapOnPurpose?: boolean } = {}): void => {
  const from = addDays(c.reg.importedTo, 1);
  if (to < from) return;
  const sessions = c.reg.marks(from, to);
  const actor = c.school.dataManager.actor;
  if (opts.overlapOnPurpose === true) {
    // The school re-sends its last export as well: the sessions already recorded are refused.
    const lastDay = [...c.reg.recorded.values()]
      .map((m) => m.date)
      .sort()
      .at(-1);
    if (lastDay !== undefined) {
      const again = [...c.reg.recorded.values()]
        .filter((m) => m.date === lastDay)
        .map((m) => ({ date: m.date, session: m.session, code: m.code }));
      c.w.emit(
        'ImportAttendance',
        c.cur.at,
        actor,
        {
          period: { from: lastDay, to },
          sessions: [...again, ...sessions],
          source: 'school MIS register export',
        },
        'NAT-4',
      );
      c.cur.later(10, 25);
    }
  }
  c.w.emit('ImportAttendance', c.cur.at, actor, {
    period: { from, to },
    sessions,
    source: 'school MIS register export',
  });
  c.reg.record(sessions);
  c.reg.importedTo = to;
};

/** The register up to yesterday, imported first thing (09:00-09:20) on the cursor's day. */
export const importToYesterday = (c: Case, opts: { overlapOnPurpose?: boolean } = {}): void => {
  const yesterday = addDays(c.cur.day, -1);
  if (yesterday <= c.reg.importedTo) return;
  importUpTo(c, yesterday, opts);
  c.cur.later(5, 20);
};

/** NAT-4: a "reason not yet provided" mark corrected once the reason is known (or not). */
const correctAMark = (c: Case): void => {
  const n = [...c.reg.recorded.values()].find((m) => m.code === 'N');
  if (n === undefined) return;
  const to: AttendanceCode = c.rng.chance(0.7) ? 'O' : 'I';
  c.w.emit('CorrectAttendanceMark', c.cur.later(10, 40), c.school.dataManager.actor, {
    date: n.date,
    session: n.session,
    code: to,
    reason:
      to === 'O'
        ? 'No reason received within five school days: recorded as unauthorised.'
        : 'Parent provided a GP appointment card: illness.',
  });
  c.reg.recorded.set(`${n.date}|${n.session}`, { ...n, code: to });
};

/** ATT-1: the support the school has already put in, and how the family engaged. */
const attachSupport = (c: Case, engagement: 'engaged' | 'mixed' | 'not-engaged'): void => {
  const steps = pickSome(c.rng, SUPPORT_STEPS, c.rng.int(2, 4)).map((description, i) => ({
    description,
    startedOn: c.terms.onOrBefore(addDays(c.cur.day, -7 * c.rng.int(2, 9) - i)),
    engagement:
      engagement === 'mixed'
        ? c.rng.pick(['engaged', 'partly-engaged', 'not-engaged'] as const)
        : engagement === 'engaged'
          ? c.rng.pick(['engaged', 'partly-engaged'] as const)
          : c.rng.pick(['not-engaged', 'not-engaged', 'partly-engaged'] as const),
  }));
  steps.sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  c.w.emit('AttachSupportEvidence', c.cur.later(20, 90), lead(c), {
    documentRef: doc(c, 'steps-before-legal-intervention.pdf'),
    steps,
  });
};

/** Opens the case with the register's history, the support evidence and a first conversation. */
export const openCase = (c: Case, engagement: 'engaged' | 'mixed' | 'not-engaged'): void => {
  c.w.emit('OpenAttendanceCase', c.cur.at, lead(c), {
    pupil: c.pupil,
    school: { schoolId: c.school.schoolId, name: c.school.name },
    parents: [...c.parents],
  });
  c.cur.later(10, 30);
  importUpTo(c, addDays(c.cur.day, -1));
  if (c.rng.chance(0.7)) correctAMark(c);
  attachSupport(c, engagement);
  const first = carers(c)[0] ?? c.parents[0]!;
  c.cur.later(30, 120);
  interact(
    c,
    { kind: 'parent', parentId: first.parentId },
    c.rng.pick(['phone', 'phone', 'in-person'] as const),
    engagement === 'not-engaged'
      ? `Attendance lead rang ${first.firstName} ${first.lastName} about the absences; no answer, voicemail left and a text sent.`
      : `Attendance lead spoke with ${first.firstName} ${first.lastName} about the pattern of absence and the support in place.`,
  );
  if (engagement !== 'not-engaged') voice(c, { kind: 'parent', parentId: first.parentId });
};
