// Loads a published planet in headless Chromium at two phone widths and a desktop width, in
// light and dark schemes, and fails on console errors, horizontal scrolling, requests leaving
// the site, or serious/critical accessibility violations found by axe-core. On pages with
// entries it also checks what readers of hostile posts would notice: embeds wider than their
// column or out of proportion, text under AA contrast or under 12 px, right-to-left posts
// not right-aligned, a skip link to the subscriptions missing on phones, maintainers'
// diagnostics in the sidebar. Saves screenshots.
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
const widths = [320, 390, 1280];

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

// What a reader would notice in the page, as a list of problems (runs in the page).
function readerChecks(width) {
  const problems = [];
  const rgba = s => (s.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c.length === 4 ? c[3] > 0 : c.length === 3) return c;
    }
    return rgba(getComputedStyle(document.documentElement).backgroundColor);
  };
  const describe = el => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`;
  for (const content of document.querySelectorAll('.e-content')) {
    const column = content.getBoundingClientRect();
    for (const media of content.querySelectorAll('iframe, video, audio, img, table, pre, div')) {
      const box = media.getBoundingClientRect();
      if (box.right > column.right + 1 || box.left < column.left - 1) {
        problems.push(`${describe(media)} is ${Math.round(box.width)}px wide in a ${Math.round(column.width)}px column`);
      }
      const w = Number(media.getAttribute('width')), h = Number(media.getAttribute('height'));
      if ((media.tagName === 'IFRAME' || media.tagName === 'VIDEO') && w > 0 && h > 0
          && Math.abs(box.width / box.height - w / h) > 0.02) {
        problems.push(`${describe(media)} is ${Math.round(box.width)}x${Math.round(box.height)}, not in proportion ${w}:${h}`);
      }
    }
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || el.closest('iframe, video, audio')) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const ratio = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const contrast = ratio(luminance(rgba(style.color)), luminance(background(el)));
      if (contrast < 4.5) problems.push(`${describe(el)}: contrast ${contrast.toFixed(2)} (${style.color} on ${background(el)})`);
      if (size < 12) problems.push(`${describe(el)}: font-size ${size}px`);
    }
  }
  for (const article of document.querySelectorAll('article[lang="ur"]')) {
    for (const p of article.querySelectorAll('.e-content p')) {
      const range = document.createRange();
      range.selectNodeContents(p);
      const text = range.getClientRects()[0];
      const block = p.getBoundingClientRect();
      if (getComputedStyle(p).direction !== 'rtl' || Math.abs(text.right - block.right) > 2) {
        problems.push(`${describe(p)}: not right-to-left and right-aligned`);
      }
    }
    const title = article.querySelector('.p-name[dir="auto"]');
    if (!title || getComputedStyle(title).direction !== 'rtl') problems.push(`title of ${describe(article)}: not right-to-left`);
  }
  const aside = document.querySelector('aside.subscriptions');
  if (aside && /root element|no activity|HTTP \d|not a feed/i.test(aside.textContent)) {
    problems.push(`the sidebar shows a maintainer's diagnostic: ${aside.textContent.match(/[^\n]*(root element|no activity|HTTP \d|not a feed)[^\n]*/i)[0].trim()}`);
  }
  const skip = document.querySelector('a.skip');
  if (document.querySelector('#subscriptions') && width < 900) {
    const box = skip?.getBoundingClientRect();
    if (!skip || box.width < 20 || box.bottom > innerHeight) problems.push('no visible link to the subscriptions at the top');
    else if (!document.querySelector(skip.getAttribute('href'))) problems.push(`the skip link's target ${skip.getAttribute('href')} is missing`);
  }
  return problems;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
fs.mkdirSync(shotDir, { recursive: true });
const failures = [];
try {
  for (const page of pages) {
    for (const width of widths) {
      for (const scheme of ['light', 'dark']) {
        const label = `${page} at ${width}px, ${scheme}`;
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const tab = await context.newPage();
        const errors = [];
        const external = [];
        const players = [];
        tab.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
        tab.on('pageerror', error => errors.push(String(error)));
        await tab.route('**/*', route => {
          const request = route.request();
          const url = new URL(request.url());
          if (url.origin === origin) return route.continue();
          // A player a post embeds (an allowed iframe) is the post's, not the theme's: stood in for.
          if (request.resourceType() === 'document' && request.frame() !== tab.mainFrame()) {
            players.push(url.href);
            return route.fulfill({ contentType: 'text/html', body: '<body style="margin:0;background:#777"></body>' });
          }
          external.push(url.href);
          return route.abort();
        });
        await tab.goto(`${origin}/${page}`, { waitUntil: 'load', timeout: 30000 });
        const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        const problems = await tab.evaluate(readerChecks, width);
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
        for (const p of problems) failures.push(`${label}: ${p}`);
        console.log(`${label}: ${errors.length} console errors, ${external.length} external requests, ` +
                    `${players.length} embedded players stood in for, overflow ${overflow}px, ` +
                    `${violations.length} serious/critical axe violations, ${problems.length} reader problems -> ${name}`);
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
console.log(`site-check: ${pages.length * widths.length * 2} page views passed`);
