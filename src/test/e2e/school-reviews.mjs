// A SENCO signs in to Tasklist and opens their school's review tray: prints the cases listed, what the page says,
// and axe-core's serious or critical violations (WCAG 2.2 A and AA), at a phone's width. Environment: BASE_URL,
// USER_ID / PASSWORD, SCREENSHOT.
import { audit, launch, signIn } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const user = process.env.USER_ID ?? 'senco';
const browser = await launch();
const seen = {};
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(page, base, 'tasklist', user, process.env.PASSWORD ?? user);
  await page.goto(`${base}/school-reviews.html`);
  await page.waitForFunction(() => document.getElementById('message').textContent !== 'Loading…', null, { timeout: 30000 });
  seen.message = await page.locator('#message').textContent();
  seen.cases = await page.locator('#rows tr').evaluateAll((rows) => rows.map((r) => r.dataset.case));
  seen.taskLinks = await page.locator('#rows a').count();
  seen.violations = await audit(page);
  await page.screenshot({ path: process.env.SCREENSHOT ?? 'school-reviews.png', fullPage: true });
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
