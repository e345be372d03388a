import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAuditor, demoCommand, runCli } from './run-cli.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available)
  process.stderr.write(
    `\n${'!'.repeat(100)}\n! aimline report: SKIPPING the headless-Chromium checks: no browser at ${CHROMIUM}.\n` +
      `! Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to run them.\n${'!'.repeat(100)}\n`,
  );

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe.skipIf(!available)(
  `aimline report in a real headless Chromium${available ? '' : ` (SKIPPED: no browser at ${CHROMIUM})`}`,
  () => {
    let dir: string;
    let store: string;
    let browser: Browser;
    let hsbCase: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'aimline-report-'));
      store = `sqlite:${join(dir, 'events.db')}`;
      const demo = await runCli([
        '--store',
        store,
        '--json',
        ...demoCommand({ cases: 8, seed: 11 }),
      ]);
      expect(demo.code, demo.stderr).toBe(0);
      hsbCase = (JSON.parse(demo.stdout) as { sampleCases: { hsb: string } }).sampleCases.hsb;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: launchArgs });
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
    });

    /** Writes the sample HSB case's HTML report to `name` in the test folder, as an inspector. */
    const writeCaseReport = async (name: string) => {
      const file = join(dir, name);
      const r = await runCli([
        '--store',
        store,
        '--json',
        '--as',
        'aud-inspector-1',
        'report',
        hsbCase,
        '--html',
        file,
        '--as-of',
        '2026-09-30T00:00:00Z',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const written = JSON.parse(r.stdout) as { events: number; deadlines: number; scores: number };
      return { file, written };
    };

    const open = async (file: string) => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) errors.push(`fetched ${r.url()}`);
      });
      await page.goto(pathToFileURL(file).href);
      return { page, errors };
    };

    it('a case page loads with no console errors; its phase timeline and AIM score graph carry the case data', async () => {
      const { file, written } = await writeCaseReport('case.html');
      const { page, errors } = await open(file);
      try {
        expect(await page.locator('#phase-timeline').count()).toBe(1);
        expect(await page.locator('#phase-timeline circle[data-event]').count()).toBe(
          written.events,
        );
        expect(await page.locator('#phase-timeline path[data-deadline]').count()).toBe(
          written.deadlines,
        );
        expect(written.scores).toBeGreaterThan(1);
        expect(
          await page.locator('#score-graph circle[data-series="dynamicConcerns"]').count(),
        ).toBe(written.scores);
        const data = JSON.parse((await page.locator('#report-data').textContent()) ?? '{}') as {
          stream: string;
          scores: unknown[];
        };
        expect(data.stream).toBe(`hsb-case-${hsbCase}`);
        expect(data.scores).toHaveLength(written.scores);
        expect(await page.locator('#deadlines tbody tr').count()).toBe(written.deadlines);
        const html = readFileSync(file, 'utf8');
        expect(html).not.toMatch(/<script(?![^>]*application\/json)/);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('the charts have axes with readable labels, and people read London time, never a raw UTC instant', async () => {
      const { file, written } = await writeCaseReport('case-axes.html');
      const { page, errors } = await open(file);
      const texts = (selector: string) => page.locator(selector).allTextContents();
      /** No two labels drawn over each other (their boxes do not intersect). */
      const overlapping = async (selector: string) => {
        const boxes: Array<{ x: number; y: number; width: number; height: number }> = [];
        for (const label of await page.locator(selector).all()) {
          const box = await label.boundingBox();
          if (box !== null) boxes.push(box);
        }
        return boxes.some((a, i) =>
          boxes.some(
            (b, j) =>
              i < j &&
              a.x < b.x + b.width &&
              b.x < a.x + a.width &&
              a.y < b.y + b.height &&
              b.y < a.y + a.height,
          ),
        );
      };
      try {
        // The phase timeline: lanes on the y axis, London dates on the x axis, both titled.
        const lanes = await texts('#phase-timeline [data-axis="y"] text');
        expect(lanes.at(-1)).toBe('deadlines');
        expect(lanes.length).toBeGreaterThan(1);
        const ticks = await texts('#phase-timeline [data-axis="x"] text.tick');
        expect(ticks.length).toBeGreaterThan(1);
        for (const t of ticks) expect(t).toMatch(/^(\d{1,2} )?[A-Z][a-z]{2} \d{4}$/);
        expect(await texts('#phase-timeline [data-axis="x"] .axis-title')).toEqual([
          'Date (London)',
        ]);
        expect(await overlapping('#phase-timeline [data-axis="x"] text.tick')).toBe(false);
        // The score graph: levels on the y axis, each scoring's London day on the x axis.
        expect(await texts('#score-graph [data-axis="y"] text.tick')).toEqual([
          'low',
          'medium',
          'high',
        ]);
        const days = await texts('#score-graph [data-axis="x"] text.tick');
        expect(days).toHaveLength(written.scores);
        for (const d of days) expect(d).toMatch(/^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}$/);
        expect(await overlapping('#score-graph [data-axis="x"] text')).toBe(false);
        // What is shown (not the machine-readable JSON) has no raw UTC instant.
        const shown = await page.locator('body').innerText();
        expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
        for (const due of await texts('#deadlines tbody td:nth-child(3)'))
          expect(due).toMatch(
            /^(end of [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}|\d{2}:\d{2} (GMT|BST) .+)$/,
          );
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('the quarter scorecard page loads with no console errors and shows the PNL-11 counts', async () => {
      const sc = await runCli([...asAuditor(), '--store', store, '--json', 'panel', 'scorecard']);
      const cards = JSON.parse(sc.stdout) as Array<{ quarter: string; referrals: number }>;
      const busiest = [...cards].sort((a, b) => b.referrals - a.referrals)[0]!;
      const file = join(dir, 'scorecard.html');
      const r = await runCli([
        '--store',
        store,
        '--as',
        'aud-inspector-1',
        'report',
        'scorecard',
        busiest.quarter,
        '--html',
        file,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const { page, errors } = await open(file);
      try {
        expect(await page.locator('h1').textContent()).toContain(busiest.quarter);
        expect(await page.locator('body').textContent()).toContain(
          `Referrals: ${busiest.referrals}`,
        );
        expect(await page.locator('table').count()).toBe(5);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  },
);
