// Opens a rendered HTML page (a report or a comparison) in headless Chromium and fails on
// - a console error or any request to the network, a chart of zero size, a missing `lang`, not one h1, a script;
// - any violation axe-core finds with the WCAG 2.0 and 2.1 A and AA rules (run at 1100 px and at 320 px, since
//   what scrolls, and so what must be focusable, depends on the width);
// - reflow (WCAG 1.4.10): the page wider than the viewport at 320 CSS px, and at 1280 px with 400 % zoom;
//   only a data table's own scroll container (role="region", tabindex="0") may scroll sideways;
// - chart text drawn smaller than 75 % of the body text at 320 px or 375 px, or cut off at the chart's edge;
// - a printed page (Chromium's print to PDF) that holds almost nothing: fewer than MIN_WORDS words; or
//   printed words so small that Chromium must have shrunk the pages to fit something too wide.
// Saves full-page screenshots at 1100 px (SHOT.png), 375 px and 1280 px (SHOT-375.png, SHOT-1280.png) and the
// printed PDF (SHOT.pdf).
// Usage: node scripts/browser-check.mjs PAGE.html SHOT.png [MIN_CHARTS, 2 unless told]   (PLAYWRIGHT_DIR: where playwright-core and
// axe-core are installed)
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [, , htmlPath, pngPath, minCharts = '2'] = process.argv;
const require = createRequire(path.resolve(process.env.PLAYWRIGHT_DIR || '.') + '/');
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const base = pngPath.replace(/\.png$/, '');
const url = 'file://' + path.resolve(htmlPath);

/** A printed page with fewer words than this is near-empty (a lone heading, a title, one line). */
const MIN_WORDS = 25;
/** The median height of a printed word, in points, below which the pages were shrunk to fit. */
const MIN_WORD_HEIGHT = 9;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const problems = [];

/** A page at the given viewport, with the listeners every check needs. */
async function open(viewport, deviceScaleFactor = 1) {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const where = `${viewport.width}×${viewport.height}${deviceScaleFactor === 1 ? '' : ` @${deviceScaleFactor}x`}`;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error (${where}): ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error (${where}): ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!/^(file|data|about):/.test(u)) problems.push(`network request (${where}): ${u}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, where };
}

/** axe-core with the WCAG 2.0 and 2.1 A and AA rules; every violation is a problem. */
async function axe(page, where) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  // The injected script must not stay in the page the next check looks at.
  await page.evaluate(() => document.querySelectorAll('script').forEach((s) => s.remove()));
  for (const v of result) {
    problems.push(`axe ${v.id} (${v.impact}, ${where}): ${v.help}; ${v.targets.length} node(s): `
      + v.targets.slice(0, 5).join(' | ') + (v.targets.length > 5 ? ' | …' : ''));
  }
  return result.length;
}

/** Reflow: nothing but a data table's own scroll container may reach past the viewport's right edge. */
async function reflow(page, where) {
  const r = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inRegion = (e) => e.closest('[role="region"][tabindex="0"]') && e.closest('[role="region"][tabindex="0"]') !== e;
    const wide = [];
    for (const e of document.body.querySelectorAll('*')) {
      const box = e.getBoundingClientRect();
      if (box.width === 0 || inRegion(e)) continue;
      if (box.right > width + 0.5 || box.left < -0.5) {
        const name = e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : '');
        wide.push(`${name} (${Math.round(box.left)}–${Math.round(box.right)} px)`);
      }
    }
    return { scroll: document.documentElement.scrollWidth, width, wide };
  });
  if (r.scroll > r.width || r.wide.length) {
    problems.push(`reflow (${where}): the page is ${r.scroll} px wide in a ${r.width} px viewport; past its edge: `
      + r.wide.slice(0, 6).join(', ') + (r.wide.length > 6 ? `, … (${r.wide.length})` : ''));
  }
  return r.scroll;
}

/** Chart text at this width: no smaller than 75 % of the body text, and inside its chart. */
async function chartText(page, where) {
  const r = await page.evaluate(() => {
    const body = parseFloat(getComputedStyle(document.body).fontSize);
    let smallest = Infinity;
    const small = [];
    const cut = [];
    for (const svg of document.querySelectorAll('svg.chart')) {
      const frame = svg.getBoundingClientRect();
      if (frame.width === 0) continue;
      for (const t of svg.querySelectorAll('text')) {
        if (!t.getClientRects().length || !t.textContent.trim()) continue;
        const size = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
        smallest = Math.min(smallest, size);
        if (size < 0.75 * body - 0.01) small.push(`${svg.id}: "${t.textContent.slice(0, 30)}" ${size.toFixed(1)} px`);
        const box = t.getBoundingClientRect();
        if (box.left < frame.left - 1 || box.right > frame.right + 1) cut.push(`${svg.id}: "${t.textContent.slice(0, 30)}"`);
      }
    }
    return { body, smallest, small, cut };
  });
  if (r.small.length) {
    problems.push(`chart text (${where}) smaller than 75 % of the body's ${r.body} px: `
      + r.small.slice(0, 4).join(', ') + (r.small.length > 4 ? `, … (${r.small.length})` : ''));
  }
  if (r.cut.length) problems.push(`chart text (${where}) cut at the chart's edge: ${r.cut.slice(0, 4).join(', ')}`);
  return r.smallest;
}

const summary = [];
try {
  // The page as it was always checked, at 1100 px.
  {
    const { page, context, where } = await open({ width: 1100, height: 900 });
    const charts = await page.$$eval('svg.chart', (els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.id, width: r.width, height: r.height };
    }));
    if (charts.length < Number(minCharts)) problems.push(`expected ${minCharts} charts or more, found ${charts.length}`);
    for (const c of charts) if (!(c.width > 0 && c.height > 0)) problems.push(`chart ${c.id} has zero size`);
    const lang = await page.getAttribute('html', 'lang');
    if (!lang) problems.push('the page has no lang attribute');
    if ((await page.$$('h1')).length !== 1) problems.push('the page must have exactly one h1');
    if (await page.$('script')) problems.push('the page contains a script element');
    await page.screenshot({ path: pngPath, fullPage: true });
    summary.push(`axe ${await axe(page, where)} at 1100 px`);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.$$eval('svg.chart', (els) => els.every((e) => e.getBoundingClientRect().width > 0));
    if (!printed) problems.push('a chart has zero size in print');
    await page.pdf({ path: `${base}.pdf`, preferCSSPageSize: true, printBackground: true });
    await context.close();
  }
  // Narrow: 320 CSS px (a phone, or 1280 px at 400 %: the same CSS viewport, drawn with 4 device pixels per
  // CSS pixel), and 375 px.
  for (const [viewport, scale, label] of [
    [{ width: 320, height: 640 }, 1, '320 px'],
    [{ width: 320, height: 256 }, 4, '1280 px at 400 %'],
  ]) {
    const { page, context, where } = await open(viewport, scale);
    const width = await reflow(page, where);
    const smallest = await chartText(page, where);
    summary.push(`${label}: ${width} px wide, chart text ≥ ${smallest.toFixed(1)} px`);
    if (scale === 1) summary.push(`axe ${await axe(page, where)} at 320 px`);
    await context.close();
  }
  for (const width of [375, 1280]) {
    const { page, context, where } = await open({ width, height: 900 });
    if (width === 375) summary.push(`375 px: chart text ≥ ${(await chartText(page, where)).toFixed(1)} px`);
    if (width === 1280) {
      // The comparison's heat map shows every column at 1280 px, without scrolling.
      const heat = await page.$$eval('table.heat', (els) => els.map((t) => [t.parentElement.scrollWidth, t.parentElement.clientWidth]));
      for (const [scroll, client] of heat) {
        if (scroll > client) problems.push(`the heat map is ${scroll} px wide in its ${client} px box at 1280 px`);
      }
      if (heat.length) summary.push(`1280 px: heat map ${heat.map(([a, b]) => `${a}/${b}`).join(' ')} px`);
    }
    await page.screenshot({ path: `${base}-${width}.png`, fullPage: true });
    await context.close();
  }
} finally {
  await browser.close();
}

// The printed pages: none near-empty.
const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [`${base}.pdf`], { encoding: 'utf8' }))[1]);
const words = [];
for (let p = 1; p <= pages; p++) {
  const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', `${base}.pdf`, '-'], { encoding: 'utf8' });
  words.push(text.split(/\s+/).filter(Boolean).length);
}
words.forEach((n, i) => {
  if (n < MIN_WORDS) problems.push(`printed page ${i + 1} of ${pages} holds only ${n} words`);
});
// Chromium shrinks every page to fit content wider than the paper (a table that does not fit): the words then
// come out small. Their median height tells (about 1.1 times the type size; the body text is 10 or 10.5 pt).
const heights = [...execFileSync('pdftotext', ['-bbox', `${base}.pdf`, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 })
  .matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => m[2] - m[1]).sort((a, b) => a - b);
const median = heights[Math.floor(heights.length / 2)] || 0;
if (median < MIN_WORD_HEIGHT) {
  problems.push(`printed words are ${median.toFixed(1)} pt high (median): the pages were shrunk to fit something too wide`);
}
summary.push(`printed ${pages} pages (words: ${words.join(' ')}; median word ${median.toFixed(1)} pt)`);

if (problems.length) {
  console.error(`${htmlPath}:\n  ${problems.join('\n  ')}\n  (${summary.join('; ')})`);
  process.exit(1);
}
console.log(`browser check: ${htmlPath} ok; ${summary.join('; ')}`);
