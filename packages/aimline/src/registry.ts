import {
  moduleLookup,
  type AnyDomainModule,
  type DomainEvent,
  type DomainModule,
} from '@aimline/kernel';
import { hsbCaseModule } from '@aimline/hsb-aim';
import { meetingModule } from '@aimline/meetings';
import { panelLocalityModule, panelReferralModule, panelSittingModule } from '@aimline/panel';
import { attendanceAimModule, legalInterventionModule } from '@aimline/attendance-aim';
import { legalHoldModule } from '@aimline/governance';
import { processLogModule } from '@aimline/processes';
import { erasureModule } from '@aimline/governance';
import type { DecodedEvent } from '@aimline/projections';
import { schoolCalendarFor, type CouncilPolicy } from './council-policy.js';

/** Every Aimline module, each with its concrete type (commands, events, state). */
export interface TypedModules {
  readonly hsbCase: ReturnType<typeof hsbCaseModule>;
  readonly meeting: ReturnType<typeof meetingModule>;
  readonly panelSitting: ReturnType<typeof panelSittingModule>;
  readonly panelReferral: ReturnType<typeof panelReferralModule>;
  readonly attendanceAim: ReturnType<typeof attendanceAimModule>;
  /** The locality's record of a referral the panel sent back (`panel-to-locality`). */
  readonly panelLocality: ReturnType<typeof panelLocalityModule>;
  /** The lead officer for legal intervention's record of an attendance case (`attendance-to-legal`). */
  readonly legalIntervention: ReturnType<typeof legalInterventionModule>;
  readonly legalHold: ReturnType<typeof legalHoldModule>;
}

/** The state a module folds its streams into. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StateOf<M> = M extends DomainModule<any, any, infer S, any> ? S : never;
/** The events a module stores (a union of modules gives the union of their events). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventOf<M> = M extends DomainModule<any, infer Ev, any, any> ? Ev : never;

export interface DomainRegistry {
  readonly modules: ReadonlyArray<AnyDomainModule>;
  /** The same modules by name, each with its concrete type, for views that read its state. */
  readonly typed: TypedModules;
  /**
   * The modules that accept a command type on the wire (usually one; a wire command may name its
   * module). Never the erasure record's: only `erasePerson` records an erasure.
   */
  modulesFor(commandType: string): ReadonlyArray<AnyDomainModule>;
  /** The module that owns a stream (by prefix, longest first). */
  moduleForStream(stream: string): AnyDomainModule | undefined;
  /** Whether `module` is the one that owns `stream`. */
  owns(module: AnyDomainModule, stream: string): boolean;
}

const registries = new WeakMap<CouncilPolicy, DomainRegistry>();

/**
 * Every Aimline module with the council's policy and calendars bound in: composed once per
 * policy (the same registry for `createAimline` and for a tool that needs the modules before it
 * has a store, such as the CLI opening an encrypted store).
 */
export const domainRegistry = (policy: CouncilPolicy): DomainRegistry => {
  const known = registries.get(policy);
  if (known !== undefined) return known;
  const registry = composeRegistry(policy);
  registries.set(policy, registry);
  return registry;
};

const composeRegistry = (policy: CouncilPolicy): DomainRegistry => {
  const cal = policy.calendar;
  const typed: TypedModules = {
    hsbCase: hsbCaseModule(policy.hsb, cal),
    meeting: meetingModule(policy.meetings, cal),
    panelSitting: panelSittingModule(policy.panel, cal),
    panelReferral: panelReferralModule(policy.panel, cal),
    attendanceAim: attendanceAimModule(policy.attendance, (schoolId) =>
      schoolCalendarFor(policy, schoolId),
    ),
    panelLocality: panelLocalityModule(policy.panel),
    legalIntervention: legalInterventionModule(),
    legalHold: legalHoldModule(),
  };
  const modules: AnyDomainModule[] = [
    typed.hsbCase,
    typed.meeting,
    typed.panelSitting,
    typed.panelReferral,
    typed.attendanceAim,
    // the receiving records of the panel's referral back and of ATT-9's hand-offs, written
    // only by the process managers
    typed.panelLocality,
    typed.legalIntervention,
    typed.legalHold,
    // the process managers' refusal log (`process-log-{manager}`), so its streams decode
    processLogModule(),
    // The record of erasures (no personal data): read and decoded like any module's streams.
    erasureModule,
  ];
  const moduleForStream = moduleLookup(modules);
  return {
    modules,
    typed,
    // `RecordErasure` is recorded only by `erasePerson`, after it destroys the key: a wire
    // command could record an erasure whose key still exists, so no wire command routes to it.
    modulesFor: (type) => modules.filter((m) => m !== erasureModule && m.commands.has(type)),
    moduleForStream,
    owns: (module, stream) => moduleForStream(stream) === module,
  };
};

/**
 * A decoded event as an event of `module`, or `undefined` if another module decoded it. The
 * decoder validated it with that module's own catalogue, so it is one of the module's events.
 */
export const eventOf = <Ev extends DomainEvent>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  module: DomainModule<any, Ev, any, any>,
  e: DecodedEvent,
): Ev | undefined => (e.module === module ? (e.event as Ev) : undefined);
