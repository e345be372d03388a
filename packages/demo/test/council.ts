import {
  attendanceAimModule,
  defaultAttendancePolicy,
  legalInterventionModule,
} from '@aimline/attendance-aim';
import { calendarForRegion } from '@aimline/calendar';
import { defaultHsbPolicy, hsbCaseModule } from '@aimline/hsb-aim';
import type { AnyDomainModule } from '@aimline/kernel';
import { defaultMeetingPolicy, meetingModule } from '@aimline/meetings';
import {
  defaultPanelPolicy,
  panelLocalityModule,
  panelReferralModule,
  panelSittingModule,
} from '@aimline/panel';
import { seededRng } from '../src/rng.js';
import type { DemoPolicy, ScenarioContext } from '../src/scenario.js';

/** The source documents' policy, as `aimline` uses it when a council gives no policy file. */
export const defaultPolicy: DemoPolicy = {
  calendar: calendarForRegion('england-and-wales'),
  hsb: defaultHsbPolicy,
  panel: defaultPanelPolicy,
  attendance: defaultAttendancePolicy,
};

/** The modules the generators write to, with the policy bound in (as the CLI's registry binds them). */
export const councilModules = (policy: DemoPolicy): ReadonlyArray<AnyDomainModule> => [
  hsbCaseModule(policy.hsb, policy.calendar),
  meetingModule(defaultMeetingPolicy, policy.calendar),
  panelSittingModule(policy.panel, policy.calendar),
  panelReferralModule(policy.panel, policy.calendar),
  attendanceAimModule(policy.attendance),
  panelLocalityModule(policy.panel),
  legalInterventionModule(),
];

/** A generator's context on the default council: `cases` cases over `years` years from `from`. */
export const scenarioContext = (
  seed: number,
  o: { readonly cases: number; readonly years: number; readonly from: string },
): ScenarioContext => ({
  rng: seededRng(seed),
  policy: defaultPolicy,
  modules: councilModules(defaultPolicy),
  ...o,
});
