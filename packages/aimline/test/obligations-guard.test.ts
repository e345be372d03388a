/**
 * Issue 13 item 2: the whole history of a principal's streams (`obligations`) is read only on
 * the deadline path. ESLint's obligations guard (`eslint.config.js`) fails any other use in
 * `packages/*\/src`; this pins the guard itself: which files it covers, and what it catches.
 * A view handed on whole is not caught, and need not be: the whole history is never a member of
 * the view, so a spread copy or a wrapper carries none (pinned below).
 */
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { InMemoryEventStore, type EventStore } from '@aimline/kernel';
import {
  defaultAccessPolicy,
  memoryAccessLog,
  needToKnowReader,
  type NeedToKnowReader,
  type Principal,
  type VisibleEvents,
} from '@aimline/governance';
import { hsbCaseModule } from '@aimline/hsb-aim';
import { eventDecoder } from '@aimline/projections';
import {
  obligationsOf,
  principalView,
  standingTimeline,
  type PrincipalView,
} from '../src/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

const restrictedSyntaxOf = async (file: string): Promise<Linter.RuleEntry> => {
  const config = (await eslint.calculateConfigForFile(file)) as Linter.Config;
  return config.rules!['no-restricted-syntax']!;
};
const selectorsOf = (entry: Linter.RuleEntry): string[] =>
  Array.isArray(entry) ? entry.slice(1).map((o) => (o as { selector: string }).selector) : [];

/** The errors `rule` (a file's no-restricted-syntax setting) gives for `code`. */
const lint = async (rule: Linter.RuleEntry, code: string): Promise<string[]> => {
  const alone = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        rules: { 'no-restricted-syntax': rule },
      },
    ],
  });
  const [result] = await alone.lintText(code, { filePath: 'probe.ts' });
  return result!.messages.map((m) => m.message);
};

const OUTSIDE = [
  'packages/cli/src/runtime.ts',
  'packages/cli/src/commands/timeline.ts',
  'packages/cli/src/commands/report.ts',
  'packages/aimline/src/process-reads.ts',
  'packages/http/src/routes/handlers.ts',
  'packages/governance/src/access/reader.ts',
  'packages/projections/src/case-timeline.ts',
];
const DEADLINE_PATH = [
  'packages/aimline/src/reads.ts',
  'packages/aimline/src/deadline-standing.ts',
  'packages/cli/src/commands/deadlines.ts',
];

describe('the obligations guard: only the deadline path reads the whole history (issue 13 item 2)', () => {
  it('given a file outside the deadline path, then a member access, a computed key or a destructuring of `obligations` is an error, and a read of what the principal may see is not', async () => {
    for (const file of OUTSIDE) {
      const rule = await restrictedSyntaxOf(file);
      for (const code of [
        'for await (const e of view.obligations.readStream(s)) fold(e);',
        "const whole = view['obligations'];",
        'const { obligations } = view;',
        "const { ['obligations']: whole } = view;",
        'const whole = aimline.obligationsOf(view);',
        "const whole = aimline['obligationsOf'](view);",
        'const { obligationsOf: open } = aimline;',
      ]) {
        const errors = await lint(rule, code);
        expect(errors, `${file}: ${code}`).toHaveLength(1);
        expect(errors[0]).toMatch(/^Need to know \(issue 13\): the whole history/);
      }
      expect(await lint(rule, 'for await (const e of view.readStream(s)) fold(e);')).toEqual([]);
      // Importing the opener (under any local name) and calling it are each an error.
      for (const code of [
        "import { obligationsOf } from '@aimline/aimline';",
        "import { obligationsOf as whole } from './reads.js';",
        'const whole = obligationsOf(view);',
      ]) {
        const errors = await lint(rule, code);
        expect(errors, `${file}: ${code}`).toHaveLength(1);
        expect(errors[0]).toMatch(/^Need to know \(issue 13\): the whole history/);
      }
      // A view handed on whole is not an error: it carries no whole history (below).
      expect(await lint(rule, 'const copy = { ...view }; project(copy, view);')).toEqual([]);
    }
  });

  it('given a file of the deadline path, then it may read `obligations`, and every other guard of its package still holds', async () => {
    for (const file of DEADLINE_PATH) {
      const rule = await restrictedSyntaxOf(file);
      expect(await lint(rule, 'const whole = view.obligations;'), file).toEqual([]);
      expect(await lint(rule, 'const whole = obligationsOf(view);'), file).toEqual([]);
      const selectors = selectorsOf(rule);
      // The store read guard (need to know) stays on.
      expect(
        selectors.some((s) => s.includes('readStream|readAll')),
        file,
      ).toBe(true);
      expect(await lint(rule, 'store.readAll();'), file).toHaveLength(1);
    }
    // aimline keeps its clock guard too (T-7); the CLI reads the clock at its edge.
    const aimline = await restrictedSyntaxOf('packages/aimline/src/deadline-standing.ts');
    expect(await lint(aimline, 'Date.now();')).toHaveLength(1);
  });
});

/** A social worker's view through the need-to-know reader: the one maker of a principal view. */
const viewOf = (store: EventStore): PrincipalView =>
  principalView(
    needToKnowReader({
      store,
      modules: [hsbCaseModule()],
      policy: defaultAccessPolicy,
      principal: { id: 'sw-1', role: 'social-worker', agency: 'a', streams: [], panels: [] },
      log: memoryAccessLog(),
      clock: () => '2026-09-01T09:00:00Z',
    }),
    { purpose: 'case review' },
  );

const NOT_A_VIEW = new TypeError(
  'not a principal view: the whole history goes only with the view the read seam made (a copy or a wrapper of it carries none)',
);

describe("a principal's view carries no whole history: handing it on, spreading or wrapping it gives none (issue 13 item 2)", () => {
  const view = viewOf(new InMemoryEventStore());

  it('given the view the seam made, then only obligationsOf opens its whole history', () => {
    const whole = obligationsOf(view);
    expect(obligationsOf(view)).toBe(whole);
    expect(Object.values(view)).not.toContain(whole);
    expect(Reflect.ownKeys(view)).toEqual([
      'readStream',
      'readAll',
      'principal',
      'shows',
      'showsEveryType',
    ]);
  });

  it('given a spread copy or a wrapper of the view, then it holds no whole history and obligationsOf refuses it', () => {
    const whole = obligationsOf(view);
    const copy = { ...view };
    expect(Object.values(copy)).not.toContain(whole);
    expect(() => obligationsOf(copy)).toThrow(NOT_A_VIEW);
    const wrapper = {
      readStream: view.readStream.bind(view),
      readAll: view.readAll.bind(view),
    };
    expect(Object.values(wrapper)).not.toContain(whole);
    // @ts-expect-error a wrapper of a view is no principal view (and carries no whole history)
    expect(() => obligationsOf(wrapper)).toThrow(NOT_A_VIEW);
  });
});

describe('a principal view is a type only the need-to-know reader makes (principalView): a store is refused at compile time', () => {
  it('given a store, or any other VisibleEvents with a principal, then it is no PrincipalView', () => {
    expectTypeOf<InMemoryEventStore>().not.toExtend<PrincipalView>();
    expectTypeOf<VisibleEvents & { readonly principal: Principal }>().not.toExtend<PrincipalView>();
    expectTypeOf(viewOf(new InMemoryEventStore())).toExtend<PrincipalView>();
    expectTypeOf(principalView).parameter(0).toEqualTypeOf<NeedToKnowReader>();
  });

  it('given a store where a principal view is wanted (the deadline path, the standing timeline), then it does not compile, and fails at run time too', async () => {
    const store = new InMemoryEventStore();
    // @ts-expect-error a store is no principal view: its whole history would be every stream
    expect(() => obligationsOf(store)).toThrow(NOT_A_VIEW);
    const hsb = hsbCaseModule();
    const decode = eventDecoder([hsb]);
    // @ts-expect-error the standing timeline reads a principal view, never a store
    const timeline = standingTimeline(store, decode, hsb, 'hsb-case-C-1');
    await expect(timeline).rejects.toThrow(NOT_A_VIEW);
  });
});
