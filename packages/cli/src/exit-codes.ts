/** Exit codes scripts can trust. */
export const ExitCode = {
  /** Everything asked was done. */
  Ok: 0,
  /** Done, but some input was rejected or a check failed (exec with rejected lines, audit --verify with a break, overdue deadlines with --fail-on-overdue). */
  Failed: 1,
  /** The command line itself was wrong (unknown option, bad URL, bad date). */
  Usage: 2,
  /** The event store could not be opened or used (missing, locked, newer schema, unavailable), or its keys (master key, key vault), or its access log (a read must be recorded before it is shown). */
  Store: 3,
  /** Stored history could not be read as Aimline events (corrupt or unknown event), or a shown stream's hash chain is broken. */
  CorruptHistory: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error that carries the exit code it should end the process with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
