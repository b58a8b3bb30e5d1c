// Opens a rendered HTML report in headless Chromium and fails on a console error, any request to the
// network, or a chart of zero size; saves a full-page screenshot.
// Usage: node scripts/browser-check.mjs REPORT.html SHOT.png   (PLAYWRIGHT_DIR: where playwright-core is)
import { createRequire } from 'node:module';
import path from 'node:path';

const [, , htmlPath, pngPath] = process.argv;
const require = createRequire(path.resolve(process.env.PLAYWRIGHT_DIR || '.') + '/');
const { chromium } = require('playwright-core');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!/^(file|data|about):/.test(url)) problems.push(`network request: ${url}`);
  });
  await page.goto('file://' + path.resolve(htmlPath), { waitUntil: 'load' });
  const charts = await page.$$eval('svg.chart', (els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { id: e.id, width: r.width, height: r.height };
  }));
  if (charts.length < 2) problems.push(`expected two charts, found ${charts.length}`);
  for (const c of charts) if (!(c.width > 0 && c.height > 0)) problems.push(`chart ${c.id} has zero size`);
  const lang = await page.getAttribute('html', 'lang');
  if (!lang) problems.push('the page has no lang attribute');
  if ((await page.$$('h1')).length !== 1) problems.push('the page must have exactly one h1');
  if (await page.$('script')) problems.push('the page contains a script element');
  await page.screenshot({ path: pngPath, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  const printed = await page.$$eval('svg.chart', (els) => els.every((e) => e.getBoundingClientRect().width > 0));
  if (!printed) problems.push('a chart has zero size in print');
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(`${htmlPath}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`browser check: ${htmlPath} ok, screenshot ${pngPath}`);
