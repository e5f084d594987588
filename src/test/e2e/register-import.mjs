// An administrator signs in to Camunda Admin, opens the onboarding page, chooses a register file and watches the
// import's progress bar until it is done. Prints one JSON line: the status, the counts shown, the progress bar and
// the invalid rows listed, and axe-core's serious or critical violations. Environment: BASE_URL, CSV, SCREENSHOT.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const base = process.env.BASE_URL ?? 'http://localhost:8080';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const seen = {};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/camunda/app/admin/default/`);
  await page.waitForSelector('input[placeholder="Username"]');
  await page.fill('input[placeholder="Username"]', process.env.USER_ID ?? 'demo');
  await page.fill('input[placeholder="Password"]', process.env.PASSWORD ?? 'demo');
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/login/admin') && r.status() === 200, { timeout: 60000 }),
    page.click('button[type="submit"]'),
  ]);
  await page.goto(`${base}/register-import.html`);
  await page.setInputFiles('#file', process.env.CSV);
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => ['done', 'stopped with an error'].includes(document.getElementById('status').textContent)
    || document.getElementById('message').className === 'error', null, { timeout: 120000 });
  seen.message = await page.locator('#message').textContent();
  seen.status = await page.locator('#status').textContent();
  seen.counts = await page.locator('#counts').textContent();
  seen.progress = await page.evaluate(() => ({ value: document.getElementById('bar').value, max: document.getElementById('bar').max }));
  seen.invalid = await page.locator('#invalid tr').allTextContents();
  seen.url = page.url();
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  seen.violations = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.length}`);
  await page.screenshot({ path: process.env.SCREENSHOT ?? 'register-import.png', fullPage: true });
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
