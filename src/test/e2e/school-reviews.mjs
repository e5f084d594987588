// A SENCO signs in to Tasklist and opens their school's review tray: prints the cases listed, what the page says,
// and axe-core's serious or critical violations (WCAG 2.2 A and AA), at a phone's width. Environment: BASE_URL,
// USER_ID / PASSWORD, SCREENSHOT.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const base = process.env.BASE_URL ?? 'http://localhost:8080';
const user = process.env.USER_ID ?? 'senco';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const seen = {};
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${base}/camunda/app/tasklist/default/`);
  await page.waitForSelector('input[placeholder="Username"]');
  await page.fill('input[placeholder="Username"]', user);
  await page.fill('input[placeholder="Password"]', process.env.PASSWORD ?? user);
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/login/tasklist') && r.status() === 200, { timeout: 60000 }),
    page.click('button[type="submit"]'),
  ]);
  await page.goto(`${base}/school-reviews.html`);
  await page.waitForFunction(() => document.getElementById('message').textContent !== 'Loading…', null, { timeout: 30000 });
  seen.message = await page.locator('#message').textContent();
  seen.cases = await page.locator('#rows tr').evaluateAll((rows) => rows.map((r) => r.dataset.case));
  seen.taskLinks = await page.locator('#rows a').count();
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  seen.violations = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.length}`);
  await page.screenshot({ path: process.env.SCREENSHOT ?? 'school-reviews.png', fullPage: true });
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
