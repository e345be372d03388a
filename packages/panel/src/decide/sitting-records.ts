/**
 * MTG-8, MTG-9, PNL-8: after the minutes are approved, business support upload them with the
 * attendance list (000: "distribute minutes and upload with attendance list"; 003: "recorded in
 * the documents section of Liquidlogic and categorised as: P25 YYYY/MM/DD LEGAL MEETINGS (HSB
 * AIM)"), then destroy the lists and hard copies (000: "business support ensures all lists &
 * hardcopy documents destroyed"). The rules are `@aimline/meetings`' own.
 */
import { hardCopiesDestruction, uploadRejection } from '@aimline/meetings';
import { decideWhen, decideWith, accept } from '@aimline/kernel';
import { minutesDocumentCategory } from '../derive.js';
import { scheduled, sittingHeld } from './guards.js';
import type { SittingHandler } from './handler.js';

export const uploadMinutes: SittingHandler<'UploadMinutes'> = (c, s) =>
  decideWhen(
    [
      sittingHeld(s),
      () =>
        uploadRejection({
          approved: s.minutesApprovedAt !== null,
          uploaded: s.minutesUploaded !== null,
          field: 'data.sittingId',
          systems: c.data.systems,
          attendanceListIncluded: c.data.attendanceListIncluded,
        }),
    ],
    () =>
      decideWith(scheduled(s), ({ date }) =>
        accept({
          type: 'MinutesUploaded',
          data: {
            sittingId: c.data.sittingId,
            at: c.at,
            systems: c.data.systems,
            attendanceListIncluded: true,
            documentCategory: minutesDocumentCategory(date),
          },
        }),
      ),
  );

export const destroyHardCopies: SittingHandler<'DestroyHardCopies'> = (c, s) =>
  decideWhen([sittingHeld(s)], () =>
    hardCopiesDestruction(
      s.minutesUploaded !== null,
      s.hardCopiesDestroyedAt,
      'data.sittingId',
      () => ({
        type: 'HardCopiesDestroyed' as const,
        data: { sittingId: c.data.sittingId, at: c.at, destroyedBy: c.actor.id },
      }),
    ),
  );
