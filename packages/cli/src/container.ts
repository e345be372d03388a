import 'reflect-metadata';
import * as E from 'fp-ts/lib/Either.js';
import { container as root, type DependencyContainer } from 'tsyringe';
import { commandHandler, StoreError, type CommandHandler, type EventStore } from '@aimline/kernel';
import { eventDecoder, type EventDecoder } from '@aimline/projections';
import { loadCouncilPolicy, type CouncilPolicy } from './council-policy.js';
import { CliError, ExitCode } from './exit-codes.js';
import { consoleOutput, type Output } from './output.js';
import { domainRegistry, type DomainRegistry } from './registry.js';
import { openStore, parseStoreUrl } from './store-url.js';
import { Tokens } from './tokens.js';

export interface GlobalOptions {
  readonly store: string;
  readonly policy?: string;
  readonly json?: boolean;
}

/** Everything a CLI command works with, resolved from the container. */
export interface Runtime {
  readonly container: DependencyContainer;
  readonly store: EventStore;
  readonly policy: CouncilPolicy;
  readonly clock: () => string;
  readonly output: Output;
  readonly registry: DomainRegistry;
  readonly decode: EventDecoder;
  /** A command handler whose recordedAt comes from the given clock (default: the system clock). */
  readonly handler: (clock?: () => string) => CommandHandler;
  dispose(): Promise<void>;
}

/** The system clock: the only place Aimline reads the time, at the edge (T-7). */
const systemClock = (): string => new Date().toISOString();

/**
 * The composition root: tsyringe wires the store (chosen by URL), the council policy and the
 * clock; commands resolve them from here and nowhere else.
 */
export const buildRuntime = async (options: GlobalOptions): Promise<Runtime> => {
  const c = root.createChildContainer();
  const location = parseStoreUrl(options.store);
  if (E.isLeft(location)) throw new CliError(location.left.message, ExitCode.Usage);
  const policy = loadCouncilPolicy(options.policy);
  if (E.isLeft(policy)) throw new CliError(policy.left, ExitCode.Usage);
  let store: EventStore;
  try {
    store = await openStore(location.right);
  } catch (e) {
    if (e instanceof StoreError) throw new CliError(e.message, ExitCode.Store);
    throw e;
  }
  c.register(Tokens.StoreUrl, { useValue: options.store });
  c.register(Tokens.Store, { useValue: store });
  c.register(Tokens.Policy, { useValue: policy.right });
  c.register(Tokens.Clock, { useValue: systemClock });
  c.register(Tokens.Output, { useValue: consoleOutput(options.json === true) });

  const registry = domainRegistry(c.resolve(Tokens.Policy));
  const resolvedStore = c.resolve(Tokens.Store);
  return {
    container: c,
    store: resolvedStore,
    policy: c.resolve(Tokens.Policy),
    clock: c.resolve(Tokens.Clock),
    output: c.resolve(Tokens.Output),
    registry,
    decode: eventDecoder(registry.modules),
    handler: (clock) =>
      commandHandler({ store: resolvedStore, clock: clock ?? c.resolve(Tokens.Clock) }),
    dispose: () => resolvedStore.dispose(),
  };
};
