import type { HsbCaseModule } from '@aimline/hsb-aim';
import type { MeetingModule } from '@aimline/meetings';
import type { PanelLocalityModule, panelReferralModule } from '@aimline/panel';
import type { attendanceAimModule, LegalInterventionModule } from '@aimline/attendance-aim';
import * as E from 'fp-ts/lib/Either.js';
import type { AnyDomainModule, DomainEvent, DomainModule, RecordedEvent } from '@aimline/kernel';

/**
 * The domain modules the process managers send commands to and read events with, with the
 * council's policy bound in (the same objects the application's command handler uses). The
 * names are those of the CLI's registry (`registry.typed`).
 */
export interface ProcessModules {
  readonly hsbCase: HsbCaseModule;
  readonly meeting: MeetingModule;
  readonly panelReferral: ReturnType<typeof panelReferralModule>;
  readonly panelLocality: PanelLocalityModule;
  readonly attendanceAim: ReturnType<typeof attendanceAimModule>;
  readonly legalIntervention: LegalInterventionModule;
}

/** The event decoded by its module's catalogue; a stored event that does not decode stops the manager. */
export const decodeWith = <Ev extends DomainEvent>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  module: DomainModule<any, Ev, any, any> & AnyDomainModule,
  event: RecordedEvent,
): Ev => {
  const decoded = module.events.decode(event);
  if (E.isLeft(decoded)) throw new Error(decoded.left.message);
  return decoded.right;
};

/**
 * The event decoded by its module's catalogue when it is of `type`, undefined for any other
 * type (not decoded): what a manager that reacts to one event type starts with.
 */
export const decodeIfType = <Ev extends DomainEvent, K extends Ev['type']>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  module: DomainModule<any, Ev, any, any> & AnyDomainModule,
  event: RecordedEvent,
  type: K,
): Extract<Ev, { readonly type: K }> | undefined => {
  if (event.type !== type) return undefined;
  const e = decodeWith<Ev>(module, event);
  return e.type === type ? (e as Extract<Ev, { readonly type: K }>) : undefined;
};
