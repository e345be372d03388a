import type { InjectionToken } from 'tsyringe';
import type { EventStore } from '@aimline/kernel';
import type { CouncilPolicy } from './council-policy.js';
import type { Output } from './output.js';

/** What the composition root registers, and nothing else resolves. */
export const Tokens = {
  StoreUrl: Symbol('StoreUrl') as InjectionToken<string>,
  Store: Symbol('EventStore') as InjectionToken<EventStore>,
  Clock: Symbol('Clock') as InjectionToken<() => string>,
  Policy: Symbol('CouncilPolicy') as InjectionToken<CouncilPolicy>,
  Output: Symbol('Output') as InjectionToken<Output>,
} as const;
