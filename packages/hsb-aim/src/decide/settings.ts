/**
 * HSB-12 / HSB-13: the settings where the child lives or is placed. Source 001: the home safety
 * plan "should also be completed in any other setting where a young person is placed – whether
 * that is in a residential setting or a foster placement or with other family members".
 */
import { decideWhen, accept, guard } from '@aimline/kernel';
import type { Handler } from './handler.js';
import { currentStay } from '../state.js';

export const recordSetting: Handler<'RecordSetting'> = (command, s) =>
  decideWhen(
    [
      guard(
        'STATE',
        `the child already lives in ${command.data.setting}`,
        'data.setting',
        () => currentStay(s.settings, command.data.setting) !== undefined,
      ),
    ],
    () => accept({ type: 'SettingRecorded', data: { ...command.data, at: command.at } }),
  );

export const endSetting: Handler<'EndSetting'> = (command, s) =>
  decideWhen(
    [
      guard(
        'STATE',
        `the child does not live in ${command.data.setting}`,
        'data.setting',
        () => currentStay(s.settings, command.data.setting) === undefined,
      ),
    ],
    () => accept({ type: 'SettingEnded', data: { ...command.data, at: command.at } }),
  );
