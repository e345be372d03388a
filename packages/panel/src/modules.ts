/**
 * The kernel DomainModules and deciders of the panel's two streams. Each decider's `decide`
 * validates the command first: bad data is an `INPUT` rejection naming the field.
 */
import { configuredModule } from '@aimline/kernel';
import * as referralParts from './referral/module-parts.js';
import * as sittingParts from './sitting/module-parts.js';

/** `panelSittingModule(policy?, calendar?)`: England and Wales' calendar unless another is given. */
export const panelSittingModule = configuredModule('panel-sitting', 'sittingId', sittingParts);

/** `panelReferralModule(policy?, calendar?)`: England and Wales' calendar unless another is given. */
export const panelReferralModule = configuredModule('panel-referral', 'referralId', referralParts);

/** A decider for a policy and calendar (or the defaults). */
export const makeSittingDecider = panelSittingModule.decider;
export const makeReferralDecider = panelReferralModule.decider;

export const { prefix: SITTING_STREAM_PREFIX, of: sittingStream } = panelSittingModule.streams;
export const { prefix: REFERRAL_STREAM_PREFIX, of: referralStream } = panelReferralModule.streams;
