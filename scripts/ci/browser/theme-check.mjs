// Loads pages a planet published with a maintainer's theme (a Venus theme, Planet Mozilla's) in
// headless Chromium at desktop and phone widths, and fails on console or script errors, requests
// leaving the site, and files of the site that do not load (style sheets, scripts, images). A
// page given as PAGE=REFERENCE[@WIDTH] is also laid out beside REFERENCE, the page Venus published
// from the same planet (a .xhtml file is served as XHTML, as Venus's planets served their pages):
// their headings, entry bodies and sidebar lists must land in the same places (at WIDTH only, if
// given). A .xhtml page that is not well-formed fails. Overflow and axe-core's findings are printed,
// not failed: they are the theme's design. Saves screenshots.
//
//   node theme-check.mjs SITE_DIR SCREENSHOT_DIR LABEL PAGE[=REFERENCE[@WIDTH]]...
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const require = createRequire(import.meta.url);
const [siteArg, shotDir, label, ...pageArgs] = process.argv.slice(2);
const siteDir = path.resolve(siteArg);
const types = {
  '.html': 'text/html; charset=utf-8', '.xhtml': 'application/xhtml+xml; charset=utf-8', '.css': 'text/css',
  '.js': 'text/javascript', '.xml': 'application/xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.gif': 'image/gif', '.ico': 'image/x-icon',
};

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

// Where the parts a reader sees land: headings, entry bodies, the sidebar's lists.
const layoutOf = () => [...document.querySelectorAll('h1, h2, h3, h4, .content, .entry, #sidebar, ul > li')]
  .filter(e => e.getClientRects().length > 0)
  .map(e => {
    const r = e.getBoundingClientRect();
    const text = e.matches('h1, h2, h3, h4') ? ` "${e.textContent.replace(/\s+/g, ' ').trim()}"` : '';
    return `${e.localName}${e.id ? '#' + e.id : ''}${text} at ${Math.round(r.x)},${Math.round(r.y + scrollY)} ` +
           `${Math.round(r.width)}x${Math.round(r.height)}`;
  });

async function visit(page, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const tab = await context.newPage();
  const errors = [];
  const external = [];
  const missing = [];
  tab.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
  tab.on('pageerror', error => errors.push(String(error)));
  tab.on('response', response => { if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`); });
  tab.on('requestfailed', request => {
    if (new URL(request.url()).origin === origin) missing.push(`${request.failure()?.errorText} ${request.url()}`);
  });
  await tab.route('**/*', route => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      external.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  await tab.goto(`${origin}/${page}`, { waitUntil: 'load', timeout: 30000 });
  const notXml = page.endsWith('.xhtml') && await tab.evaluate(() => document.getElementsByTagName('parsererror').length > 0);
  const broken = await tab.evaluate(() => [...document.images]
    .filter(i => i.currentSrc.startsWith(location.origin) && i.naturalWidth === 0).map(i => i.currentSrc));
  const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await tab.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await tab.evaluate(async () =>
    (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations
      .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => `${v.id} (${v.nodes.length})`));
  const layout = await tab.evaluate(layoutOf);
  const name = `${label}-${page.replace(/[^a-z0-9]+/gi, '-')}-${width}.png`;
  await tab.screenshot({ path: path.join(shotDir, name), fullPage: true });
  await context.close();
  const where = `${label} ${page} at ${width}px`;
  for (const e of errors) failures.push(`${where}: console error: ${e}`);
  for (const u of external) failures.push(`${where}: request leaving the site: ${u}`);
  for (const m of missing) failures.push(`${where}: not loaded: ${m}`);
  for (const b of broken) failures.push(`${where}: image not shown: ${b}`);
  if (notXml) failures.push(`${where}: not well-formed XML, as a server sending XHTML would send it`);
  console.log(`${where}: ${errors.length} console errors, ${external.length} external requests, ` +
              `${missing.length + broken.length} files not loaded; theme's own: overflow ${overflow}px, ` +
              `axe ${violations.join(' ') || 'none'} -> ${name}`);
  return layout;
}

try {
  for (const arg of pageArgs) {
    const [page, compared] = arg.split('=');
    const [reference, only] = (compared ?? '').split('@');
    for (const width of [1280, 390]) {
      const layout = await visit(page, width);
      if (!reference || (only && Number(only) !== width)) continue;
      const expected = await visit(reference, width);
      const differing = expected.map((line, i) => [line, layout[i]]).filter(([a, b]) => a !== b);
      if (layout.length !== expected.length || differing.length) {
        failures.push(`${label} ${page} at ${width}px is laid out unlike Venus's ${reference} ` +
                      `(${layout.length} parts, Venus's ${expected.length}); first differences:\n` +
                      differing.slice(0, 5).map(([a, b]) => `  Venus:  ${a}\n  Orrery: ${b}`).join('\n'));
      } else {
        console.log(`${label} ${page} at ${width}px: laid out as Venus's ${reference} (${layout.length} parts)`);
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
console.log(`theme-check ${label}: passed`);
