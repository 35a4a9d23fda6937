// The default theme's search in headless Chromium, opened from disk (file://, no server):
// search.html finds a post by a word of its body and by its author, and the search form on
// the front page leads there; without JavaScript, the front page offers a link to the
// archives instead of the form. Saves screenshots of the results.
//
//   node search-check.mjs SITE_DIR SCREENSHOT_DIR BODY_WORD:EXPECTED_TITLE AUTHOR:EXPECTED_TITLE
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [siteDir, shotDir, ...queries] = process.argv.slice(2);
const site = pathToFileURL(path.resolve(siteDir)).href;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
fs.mkdirSync(shotDir, { recursive: true });
const failures = [];
try {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', error => errors.push(String(error)));
    tab.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
    for (const [n, query] of queries.entries()) {
      const [word, expected] = query.split(':');
      // As a reader does: the form on the front page, which submits to search.html.
      await tab.goto(`${site}/index.html`, { waitUntil: 'load' });
      await tab.fill('form.search input[name=q]', word);
      await Promise.all([tab.waitForURL(/search\.html\?q=/), tab.press('form.search input[name=q]', 'Enter')]);
      await tab.waitForLoadState('load');
      const titles = await tab.$$eval('#search-results a.title', links => links.map(a => a.textContent));
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await tab.screenshot({ path: path.join(shotDir, `search-${n + 1}-${width}.png`), fullPage: true });
      const label = `search for "${word}" at ${width}px`;
      console.log(`${label}: ${titles.length} result(s): ${titles.join(' | ')}`);
      if (!titles.includes(expected)) failures.push(`${label}: "${expected}" not among the results`);
      if (overflow > 0) failures.push(`${label}: scrolls horizontally by ${overflow}px`);
    }
    for (const e of errors) failures.push(`at ${width}px: console error: ${e}`);
    await context.close();
  }
  // Without JavaScript: no form (it could not search), a link to the archives in its place.
  const context = await browser.newContext({ viewport: { width: 390, height: 900 }, javaScriptEnabled: false });
  const tab = await context.newPage();
  await tab.goto(`${site}/index.html`, { waitUntil: 'load' });
  const form = await tab.isVisible('form.search');
  const fallback = await tab.getAttribute('a.search-fallback', 'href');
  const fallbackVisible = await tab.isVisible('a.search-fallback');
  console.log(`without JavaScript: form visible ${form}, archive link ${fallback} visible ${fallbackVisible}`);
  if (form) failures.push('without JavaScript: the search form is shown');
  if (!fallbackVisible || fallback !== 'archive/index.html') failures.push('without JavaScript: no link to the archives');
  await tab.screenshot({ path: path.join(shotDir, 'search-no-javascript-390.png') });
  await context.close();
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`search-check: ${queries.length * 2} searches passed, and the page without JavaScript`);
