import { Command, Option } from 'commander';
import type { Instant } from '@aimline/calendar';
import { buildRuntime, type GlobalOptions, type Runtime } from './runtime.js';
import {
  asOfFlag,
  personFlag,
  positiveIntFlag,
  purposeFlag,
  refuseRepeatedOptions,
  wholeNumberFlag,
} from './flags.js';
import { DEFAULT_STORE_URL } from './store-url.js';
import { escapeControl } from './output.js';
import { type StoreAccess } from './store-url.js';
import { init } from './commands/init.js';
import { erase, type EraseOptions } from './commands/erase.js';
import { audit, type AuditOptions } from './commands/audit.js';
import { deadlines } from './commands/deadlines.js';
import { addDemoCommand } from './commands/demo.js';
import { execFile, readableFile } from './commands/exec.js';
import { DEFAULT_EXEC_LIMITS } from './commands/exec-input.js';
import { panelAgendaCommand, panelScorecardCommand } from './commands/panel.js';
import { attendanceCommand } from './commands/attendance.js';
import { projectionNames, replay } from './commands/replay.js';
import { project } from './commands/project.js';
import { caseReport, scorecardReport } from './commands/report.js';
import type { OutputFile } from './owner-only-file.js';
import { timeline } from './commands/timeline.js';
import { accessLog, type AccessLogOptions } from './commands/access-log.js';
import { addLifecycleCommands } from './lifecycle-commands.js';
import { hostFlag, jwksUrlFlag, portFlag, serve, type ServeOptions } from './commands/serve.js';

/** Builds the `aimline` command line. `run` opens the runtime, runs the action and always disposes. */
export const buildProgram = (exit: (code: number) => void): Command => {
  const program = new Command('aimline')
    .description(
      'Aimline: multi-agency AIM case processes (HSB AIM, the AIM panel, attendance AIMs) as event-sourced history.',
    )
    .addOption(
      new Option(
        '--store <url>',
        'event store URL (sqlite:PATH, memory:, esdb://…, esdb+discover://…, unix:///…)',
      )
        .env('AIMLINE_STORE')
        .default(DEFAULT_STORE_URL),
    )
    .option(
      '--policy <file>',
      "the council's policy file (JSON): calendar region and extensions, timescales",
    )
    .addOption(
      new Option(
        '--as <principal>',
        'the principal (a council directory id) the command runs as; exec records them as the actor',
      ).env('AIMLINE_AS'),
    )
    .addOption(
      new Option(
        '--principals <file>',
        "the council's directory of principals (JSON; default: PATH.principals.json beside a SQLite store, where demo writes one)",
      ).env('AIMLINE_PRINCIPALS'),
    )
    .addOption(
      new Option(
        '--access-log <file>',
        'where reads of records are recorded (hash-chained JSON lines; default: PATH.access-log.jsonl beside a SQLite store; needed for EventStoreDB and --read-only copies)',
      ).env('AIMLINE_ACCESS_LOG'),
    )
    .addOption(
      new Option(
        '--purpose <text>',
        'why you read, recorded in the access log (default: "aimline <command>")',
      )
        .env('AIMLINE_PURPOSE')
        .argParser(purposeFlag),
    )
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--debug', 'print the stack trace of an unexpected error')
    .option(
      '--read-only',
      'never write: refuse commands that write, and read a SQLite store as a copy in memory, touching nothing beside it (read-only media, evidence copies)',
    )
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => process.stdout.write(escapeControl(s)),
      writeErr: (s) => process.stderr.write(escapeControl(s)),
    })
    .exitOverride();

  /** Opens the runtime (the store as `access` allows), runs the action and always disposes. */
  const run =
    <A extends unknown[]>(
      action: (rt: Runtime, ...args: A) => Promise<number>,
      access: StoreAccess = 'read',
    ) =>
    async (...args: A): Promise<void> => {
      const rt = await buildRuntime(program.opts<GlobalOptions>(), access);
      try {
        exit(rt.unreadable.finish(rt.output, await action(rt, ...args)));
      } finally {
        await rt.dispose();
      }
    };

  addDemoCommand(program, run);

  program
    .command('exec')
    .argument(
      '<file>',
      'a .jsonl file in UTF-8: one wire command per line ({ commandId, type, at, data }; no actor: the actor is --as)',
      readableFile,
    )
    .option(
      '--max-line-bytes <n>',
      'refuse a line longer than this many bytes',
      positiveIntFlag,
      DEFAULT_EXEC_LIMITS.maxLineBytes,
    )
    .option(
      '--max-depth <n>',
      'refuse a line whose objects and arrays nest deeper than this (1-1000)',
      wholeNumberFlag(1000),
      DEFAULT_EXEC_LIMITS.maxDepth,
    )
    .description(
      'decode and run commands from another system as the principal --as (each authorised by the directory: FORBIDDEN lines append nothing); prints each result or typed rejection with its line number, in line order, once its group of up to 100 lines is committed together (--json: one JSON object per line, then a summary)',
    )
    .action(
      run(
        (rt, file: string, o: { maxLineBytes: number; maxDepth: number }) =>
          execFile(rt, file, { maxLineBytes: o.maxLineBytes, maxDepth: o.maxDepth }),
        'create',
      ),
    );

  program
    .command('erase')
    .description(
      "erase a person's personal data by crypto-shredding, as the records manager (--as; anyone else FORBIDDEN): destroy their key in the key vault, then record PersonalDataErased (no personal data in it, the principal as actor); every read then shows their fields as [erased:<category>]; idempotent",
    )
    .option(
      '--person <id>',
      'the person id (child, parent, professional) whose data to erase',
      personFlag,
    )
    .option('--reason <text>', 'why: the retention rule or request (never who)')
    .option(
      '--pending',
      'record the erasures whose key was destroyed but whose event was not (a crash in between)',
    )
    .action(run((rt, o: EraseOptions) => erase(rt, o), 'write'));

  program
    .command('init')
    .description(
      'create an empty store (its file and folder, readable by the owner only) and print its identity; an existing store is left as it is',
    )
    .action(run((rt) => init(rt), 'create'));

  program
    .command('timeline')
    .argument(
      '<case>',
      'case id (HSB case, attendance case, panel referral or meeting), or a full stream name',
    )
    .option('--as-of <iso>', 'as known at this instant', asOfFlag)
    .description("a case's timeline by phase, with the deadlines each event opened or met")
    .action(run((rt, id: string, o: { asOf?: Instant }) => timeline(rt, id, o)));

  /**
   * The options of a command that checks against a signed anchor (`--verify --anchor`, with
   * `--public-key`) and writes one (its `anchor` action: `--out`, `--overwrite`,
   * `--signing-key`): `audit` for the event store, `access-log` for the access log.
   */
  const anchorOptions = (command: Command, anchored: string): Command =>
    command
      .option('--anchor <file>', `with --verify: a signed ${anchored}`)
      .option(
        '--public-key <pem>',
        'with --anchor: the Ed25519 public key (default: the file in AIMLINE_ANCHOR_PUBLIC_KEY_FILE)',
      )
      .option('--out <file>', 'with "anchor": where to write the signed anchor')
      .option(
        '--overwrite',
        'with "anchor": replace the --out file if it exists (refused otherwise)',
      )
      .option(
        '--signing-key <pem>',
        'with "anchor": the Ed25519 private key (default: the file in AIMLINE_ANCHOR_SIGNING_KEY_FILE)',
      );

  anchorOptions(
    program
      .command('audit')
      .argument(
        '[stream]',
        'one stream (default: all, in global order); or "anchor" to write a signed anchor (--out)',
      )
      .option(
        '--verify',
        "check every stream's hash chain, the global chain and its head (MACs with AIMLINE_CHAIN_KEY_FILE), SQLite's integrity_check, and with --anchor the history against a signed anchor; names the first altered or missing event",
      ),
    'anchor to check the history against',
  )
    .option('--as-of <iso>', 'only what had been recorded by then', asOfFlag)
    .option('--limit <n>', 'at most this many entries', positiveIntFlag)
    .description(
      'the audit trail: every event with actor, times, command, correlation and causation ids; late recording flagged',
    )
    .action(run((rt, stream: string | undefined, o: AuditOptions) => audit(rt, stream, o)));

  program
    .command('deadlines')
    .option('--as-of <iso>', 'the instant to judge at (default: now)', asOfFlag)
    .option('--overdue', 'only breached, unmet obligations')
    .option('--rule <id>', 'only this rule id, e.g. HSB-11')
    .description(
      'every open, met, breached and waived obligation across all cases, with rule id and explanation',
    )
    .action(run((rt, o: { asOf?: Instant; overdue?: boolean; rule?: string }) => deadlines(rt, o)));

  const panel = program.command('panel').description('the AIM information-exchange panel');
  panel
    .command('agenda')
    .argument('<sitting>', 'sitting id, e.g. 2026-05')
    .option('--as-of <iso>', 'as known at this instant', asOfFlag)
    .description(
      "a sitting's agenda: referrals booked into it, papers status, decisions, minutes status",
    )
    .action(
      run((rt, sitting: string, o: { asOf?: Instant }) => panelAgendaCommand(rt, sitting, o)),
    );
  panel
    .command('scorecard')
    .argument('[quarter]', 'e.g. 2026-Q2 (default: every quarter)')
    .description('the quarterly scorecard for the safeguarding partnership (PNL-11)')
    .action(run((rt, quarter: string | undefined) => panelScorecardCommand(rt, quarter)));

  program
    .command('attendance')
    .option('--as-of <iso>', 'the day to judge at (default: today)', asOfFlag)
    .description(
      'attendance AIM cases by stage, reviews due, penalty-notice threshold, end of compulsory school age',
    )
    .action(run((rt, o: { asOf?: Instant }) => attendanceCommand(rt, o)));

  program
    .command('replay')
    .argument('[projection]', `one of: ${projectionNames.join(', ')}`)
    .option('--as-of <iso>', 'rebuild from the events recorded by this instant', asOfFlag)
    .description('rebuild a projection from zero, optionally as of an instant')
    .action(run((rt, name: string | undefined, o: { asOf?: Instant }) => replay(rt, name, o)));

  program
    .command('project')
    .option('--rebuild', 'rebuild every kept projection from zero instead of catching up')
    .option(
      '--snapshots <dir>',
      'where projection snapshots (state + position, keyed by the store identity) are kept (default: beside a SQLite store, PATH.projections/)',
    )
    .description(
      'catch the kept projections (event counts, deadline tracker) up from their own checkpoints, or rebuild them',
    )
    .action(run((rt, o: { rebuild?: boolean; snapshots?: string }) => project(rt, o), 'write'));

  anchorOptions(
    program
      .command('access-log')
      .argument('[action]', '"anchor" to write a signed anchor of the access log (--out)')
      .option('--person <id>', 'the person id (a child, a victim, a parent …)', personFlag)
      .option(
        '--verify',
        'check the whole access log: every line an entry, its hash chain, every MAC with AIMLINE_CHAIN_KEY_FILE, and with --anchor the log against a signed anchor (entries cut from its end, an older copy restored, MACs stripped); names every fault (exit 1)',
      ),
    'access-log anchor to check the log against',
  )
    .description(
      'who has looked at this person\'s record (--person): every recorded read of their personal data, or of a record about them that showed none of it ("none of theirs (record read)"), in the store given (when, who, role, agency, purpose, streams, categories; reads of another store sharing the log are counted in a note), for an auditor or the records manager (--as); checks the log\'s hash chain (exit 1 on a break). --verify checks the whole log (with --anchor against a signed anchor); "anchor" writes a signed anchor of it: its file, last entry\'s sequence number and hash, the MACs it covers, the time (neither needs a principal: they show no personal value)',
    )
    .action(run((rt, action: string | undefined, o: AccessLogOptions) => accessLog(rt, action, o)));

  program
    .command('serve')
    .description(
      "the HTTP API (OpenAPI 3.1 at /openapi.json): commands and reads per process for callers with a JWT from the council's identity provider whose subject is in the council directory",
    )
    .option('--port <n>', 'TCP port (0: any free port)', portFlag, 8080)
    .option(
      '--host <ip>',
      'address to listen on (default loopback only; 0.0.0.0 exposes it to the network)',
      hostFlag,
      '127.0.0.1',
    )
    .requiredOption('--jwt-issuer <iss>', "the identity provider's issuer (the tokens' iss)")
    .requiredOption('--jwt-audience <aud>', "this API's audience (the tokens' aud)")
    .option('--jwks-url <url>', "the identity provider's JWKS URL", jwksUrlFlag)
    .option(
      '--jwt-keys <file>',
      'the public keys in a file: a JWKS, or a PEM public key',
      readableFile,
    )
    .option('--jwt-algorithm <alg>', 'with a PEM --jwt-keys: its algorithm', 'RS256')
    .option('--max-body-bytes <n>', 'refuse larger request bodies (413)', positiveIntFlag, 65536)
    .action(run((rt, o: ServeOptions) => serve(rt, o), 'create'));

  const report = program.command('report').description('self-contained HTML reports');
  report
    .command('case', { isDefault: true })
    .argument('<case>', 'case id')
    .requiredOption('--html <file>', 'where to write the page')
    .option('--overwrite', 'replace the --html file if it exists (refused otherwise)')
    .option('--as-of <iso>', 'as known at this instant', asOfFlag)
    .description(
      'a case page: the phase timeline with deadlines met and missed, and the AIM score graph',
    )
    .action(
      run((rt, id: string, o: HtmlOptions & { asOf?: Instant }) =>
        caseReport(rt, id, htmlFile(o), o),
      ),
    );
  report
    .command('scorecard')
    .argument('<quarter>', 'e.g. 2026-Q2')
    .requiredOption('--html <file>', 'where to write the page')
    .option('--overwrite', 'replace the --html file if it exists (refused otherwise)')
    .description('the PNL-11 scorecard page for a quarter')
    .action(
      run((rt, quarter: string, o: HtmlOptions) => scorecardReport(rt, quarter, htmlFile(o))),
    );

  addLifecycleCommands(program, run);
  refuseRepeatedOptions(program);
  return program;
};

interface HtmlOptions {
  readonly html: string;
  readonly overwrite?: boolean;
}
const htmlFile = (o: HtmlOptions): OutputFile => ({
  path: o.html,
  flag: '--html',
  overwrite: o.overwrite === true,
});
