/**
 * Aimline in a tsyringe container, for council apps that resolve their services by token.
 * Plain `createAimline` calls need none of this.
 */
import 'reflect-metadata';
import {
  container as rootContainer,
  instanceCachingFactory,
  type DependencyContainer,
  type InjectionToken,
} from 'tsyringe';
import {
  createAimline,
  type Aimline,
  type AimlineOptions,
  type AttendanceService,
  type HsbService,
  type MeetingService,
} from './create-aimline.js';
import type { PanelService } from './panel-service.js';

/** Explicit tokens (no decorator metadata: tsx and vitest do not emit it). */
export const AimlineTokens = {
  Aimline: Symbol('Aimline') as InjectionToken<Aimline>,
  Hsb: Symbol('Aimline.hsb') as InjectionToken<HsbService>,
  Meetings: Symbol('Aimline.meetings') as InjectionToken<MeetingService>,
  Panel: Symbol('Aimline.panel') as InjectionToken<PanelService>,
  Attendance: Symbol('Aimline.attendance') as InjectionToken<AttendanceService>,
} as const;

/**
 * Registers Aimline, built once on first resolution, and each of its services in `container`
 * (use a child container per app, so two apps in one process never share a store).
 */
export const registerAimline = (
  container: DependencyContainer,
  options: AimlineOptions,
): DependencyContainer => {
  container.register(AimlineTokens.Aimline, {
    useFactory: instanceCachingFactory(() => createAimline(options)),
  });
  const part =
    <K extends 'hsb' | 'meetings' | 'panel' | 'attendance'>(key: K) =>
    (c: DependencyContainer): Aimline[K] =>
      c.resolve(AimlineTokens.Aimline)[key];
  container.register(AimlineTokens.Hsb, { useFactory: part('hsb') });
  container.register(AimlineTokens.Meetings, { useFactory: part('meetings') });
  container.register(AimlineTokens.Panel, { useFactory: part('panel') });
  container.register(AimlineTokens.Attendance, { useFactory: part('attendance') });
  return container;
};

/** A new child container of tsyringe's root with Aimline registered (one per app). */
export const aimlineContainer = (options: AimlineOptions): DependencyContainer =>
  registerAimline(rootContainer.createChildContainer(), options);
