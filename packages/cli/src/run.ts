/**
 * Runs the `aimline` command line (`buildProgram`) and turns every failure into a message on
 * stderr and a documented exit code (`ExitCode`).
 */
import { errorWithCauses, isStoreError } from '@aimline/kernel';
import { AccessLogUnavailable, isKeyError } from '@aimline/governance';
import { CliError, ExitCode } from './exit-codes.js';
import { escapeControl } from './output.js';
import { buildProgram } from './program.js';

const fail = (message: string, code: ExitCode): ExitCode => {
  process.stderr.write(`aimline: ${escapeControl(message)}\n`);
  return code;
};

/**
 * Runs the CLI; every failure ends with a message on stderr and a documented exit code. A
 * stack trace is printed only with `--debug`.
 */
export const main = async (argv: ReadonlyArray<string>): Promise<number> => {
  let code: number = ExitCode.Ok;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CliError) return fail(e.message, e.exitCode);
    // A key fault (master key, key vault, a wrapped key): the store cannot be used; no stack trace.
    if (isKeyError(e)) return fail(e.message, ExitCode.Store);
    // The access log cannot be read or written: no read goes unrecorded, so nothing was shown.
    if (e instanceof AccessLogUnavailable) return fail(e.message, ExitCode.Store);
    if (isStoreError(e)) {
      // The store failed mid-command (e.g. the server died): its typed error and cause, no stack trace.
      const again = e.retryable
        ? ' (retryable: an append is all or nothing; run the command again)'
        : '';
      return fail(
        `${errorWithCauses(e)}${again}`,
        e.kind === 'CorruptStore' ? ExitCode.CorruptHistory : ExitCode.Store,
      );
    }
    const ce = e as { code?: string; exitCode?: number };
    if (typeof ce.code === 'string' && ce.code.startsWith('commander.')) {
      return ce.code === 'commander.helpDisplayed' ||
        ce.code === 'commander.version' ||
        ce.code === 'commander.help'
        ? ExitCode.Ok
        : ExitCode.Usage;
    }
    const debug = program.opts<{ debug?: boolean }>().debug === true || argv.includes('--debug');
    return fail(
      `unexpected error: ${
        debug && e instanceof Error
          ? (e.stack ?? e.message)
          : `${errorWithCauses(e)} (run with --debug for the stack trace)`
      }`,
      ExitCode.Failed,
    );
  }
};
