// The HTML audit report in a real browser: Debian's chromium, driven by playwright-core.
// Skipped with a message when chromium is not installed (.ci/run installs it).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { FORMATTERS } from '../../src/format/index.js';
import { lintFiles } from '../../src/run/lint-files.js';
import { loadCatalogue } from '../../src/engine/catalogue.js';
import { t } from '../../src/i18n/index.js';
import { AS_OF, COMPLIANT, NONCOMPLIANT, ROOT } from '../helpers.js';

const CHROMIUM = process.env.TUANTHU_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  console.warn(
    `html-render: SKIPPED — no Chromium at ${CHROMIUM}. Install it with "apt-get install -y chromium" (Debian) or set TUANTHU_CHROMIUM.`,
  );
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe.skipIf(!HAVE_CHROMIUM)('html report in headless Chromium', () => {
  let browser: Browser;
  let page: string;
  let agencies = 0;
  const out = mkdtempSync(join(tmpdir(), 'tuanthu-html-'));

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    // A portfolio of three: the two examples and a copy whose name tries to inject a script.
    const evil = join(out, 'evil.yaml');
    writeFileSync(
      evil,
      readFileSync(NONCOMPLIANT, 'utf8')
        .replace('id: tinh-ha-nam-dat-dai', 'id: tinh-thu-nghiem')
        .replace(
          'name: Cổng thông tin đất đai tỉnh Hà Nam',
          'name: "Hệ thống <script>window.__xss=1;console.error(\'xss\')</script><img src=x onerror=alert(1)>"',
        )
        .replace(/^ {2}level: 3$/m, '  level: 2'),
    );
    const report = await lintFiles([COMPLIANT, NONCOMPLIANT, evil], {
      asOf: AS_OF,
      failOn: 'high',
      lang: 'vi',
      cwd: ROOT,
    });
    agencies = report.agencies?.length ?? 0;
    page = FORMATTERS.html.render(report, { catalogue: loadCatalogue(), lang: 'vi', color: false });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders without console errors, scripts or network requests; screenshot and A4 PDF', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 1400 }, javaScriptEnabled: true });
    const tab = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    tab.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    tab.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    tab.on('request', (r) => requests.push(r.url()));
    const file = join(out, 'audit.html');
    writeFileSync(file, page);
    await tab.goto(`file://${file}`, { waitUntil: 'load' });

    expect(problems).toEqual([]);
    expect(requests).toEqual([`file://${file}`]);
    expect(await tab.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // The injected markup is shown as text in the heading of its system.
    const headings = await tab.locator('section.system h2').allTextContents();
    expect(headings.some((h) => h.includes('<script>window.__xss=1;'))).toBe(true);
    // The systems, then their owning agencies (BUD-04 judges each agency over its systems).
    expect(await tab.locator('section.system:not(.agency)').count()).toBe(3);
    // Two owners: the ministry's example, and the province's twice (one agency over two systems).
    expect(agencies).toBe(2);
    expect(await tab.locator('section.system.agency').count()).toBe(agencies);
    const facts = await tab.locator('section.system.agency table.facts').first().textContent();
    expect(facts).not.toContain(t('report.level', 'vi'));
    expect(await tab.locator('svg.chart').count()).toBe(3);
    expect(await tab.locator('.overview').textContent()).toContain('Theo cơ quan chủ quản');

    const png = join(out, 'report-screenshot.png');
    await tab.screenshot({ path: png, fullPage: false });
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    const pdf = await tab.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // One cover/overview page, one per system, one for the inputs.
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(5);
    // A4 is 595 × 842 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
    writeFileSync(join(out, 'audit.pdf'), pdf);
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      copyFileSync(png, join(ROOT, 'docs/report-screenshot.png'));
    }
    console.info(`html-render: screenshot ${png}, PDF ${join(out, 'audit.pdf')} (${pages} A4 pages)`);
    await context.close();
  }, 60_000);
});
