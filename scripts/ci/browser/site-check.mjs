// Loads a published planet in headless Chromium at phone and desktop widths, in light and
// dark schemes, and fails on console errors, horizontal scrolling, requests leaving the
// site, or serious/critical accessibility violations found by axe-core. Saves screenshots.
//
//   node site-check.mjs SITE_DIR SCREENSHOT_DIR [PAGE...]
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const require = createRequire(import.meta.url);
const [siteDir, shotDir, ...pagesArg] = process.argv.slice(2);
const pages = pagesArg.length ? pagesArg : ['index.html'];
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.xml': 'application/xml', '.json': 'application/json', '.js': 'text/javascript' };

const server = http.createServer((req, res) => {
  const file = path.join(siteDir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(path.resolve(siteDir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
fs.mkdirSync(shotDir, { recursive: true });
const failures = [];
try {
  for (const page of pages) {
    for (const width of [390, 1280]) {
      for (const scheme of ['light', 'dark']) {
        const label = `${page} at ${width}px, ${scheme}`;
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const tab = await context.newPage();
        const errors = [];
        const external = [];
        tab.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
        tab.on('pageerror', error => errors.push(String(error)));
        await tab.route('**/*', route => {
          const url = new URL(route.request().url());
          if (url.origin !== origin) {
            external.push(url.href);
            return route.abort();
          }
          return route.continue();
        });
        await tab.goto(`${origin}/${page}`, { waitUntil: 'load', timeout: 30000 });
        const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        await tab.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        const violations = await tab.evaluate(async () =>
          (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s), e.g. ${v.nodes[0]?.target}`));
        const name = `${page.replace(/[^a-z0-9]+/gi, '-')}-${width}-${scheme}.png`;
        await tab.screenshot({ path: path.join(shotDir, name), fullPage: true });
        for (const e of errors) failures.push(`${label}: console error: ${e}`);
        for (const u of external) failures.push(`${label}: request leaving the site: ${u}`);
        if (overflow > 0) failures.push(`${label}: scrolls horizontally by ${overflow}px`);
        for (const v of violations) failures.push(`${label}: accessibility: ${v}`);
        console.log(`${label}: ${errors.length} console errors, ${external.length} external requests, ` +
                    `overflow ${overflow}px, ${violations.length} serious/critical axe violations -> ${name}`);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`site-check: ${pages.length * 4} page views passed`);
