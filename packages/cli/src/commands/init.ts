import { ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';

/** `aimline init`: the store is created (or found) by opening it for `create`; this names it. */
export const init = async (rt: Runtime): Promise<number> => {
  const identity = await rt.store.identity();
  const where = rt.location.kind === 'sqlite' ? rt.location.path : rt.storeUrl;
  rt.output.result(
    { store: rt.storeUrl, identity },
    () => `store ${where} ready (identity ${identity})`,
  );
  return ExitCode.Ok;
};
