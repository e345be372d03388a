/**
 * HSB-12 / HSB-13: the settings where the child lives or is placed. Source 001: the home safety
 * plan "should also be completed in any other setting where a young person is placed – whether
 * that is in a residential setting or a foster placement or with other family members".
 */
import { decideWhen, accept, check, type Rejection } from '@aimline/kernel';
import type { Handler } from './handler.js';
import { currentStay, type OpenCase } from '../state.js';

export const recordSetting: Handler<'RecordSetting'> = (command, s) =>
  decideWhen(
    [
      () =>
        check(
          currentStay(s.settings, command.data.setting) !== undefined,
          'STATE',
          `the child already lives in ${command.data.setting}`,
          'data.setting',
        ),
    ],
    () => accept({ type: 'SettingRecorded', data: { ...command.data, at: command.at } }),
  );

export const endSetting: Handler<'EndSetting'> = (command, s) =>
  decideWhen(
    [
      () =>
        check(
          currentStay(s.settings, command.data.setting) === undefined,
          'STATE',
          `the child does not live in ${command.data.setting}`,
          'data.setting',
        ),
    ],
    () => accept({ type: 'SettingEnded', data: { ...command.data, at: command.at } }),
  );

/**
 * HSB-12: once the case records where the child lives, a home visit or safety plan is for one of
 * those settings. A case that records no setting keeps one plan for the home (as before).
 */
export const knownSetting = (s: OpenCase, setting: string): Rejection | undefined =>
  check(
    s.settings.length > 0 && currentStay(s.settings, setting) === undefined,
    'HSB-12',
    `${setting} is not a setting where the child lives; record it first`,
    'data.setting',
  );
