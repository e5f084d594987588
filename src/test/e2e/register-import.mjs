// An administrator signs in to Camunda Admin, opens the onboarding page, chooses a register file and watches the
// import's progress bar until it is done. Prints one JSON line: the status, the counts shown, the progress bar and
// the invalid rows listed, and axe-core's serious or critical violations. Environment: BASE_URL, CSV, SCREENSHOT.
import { audit, launch, signIn } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const browser = await launch();
const seen = {};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, base, 'admin', process.env.USER_ID ?? 'demo', process.env.PASSWORD ?? 'demo');
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
  seen.violations = await audit(page);
  await page.screenshot({ path: process.env.SCREENSHOT ?? 'register-import.png', fullPage: true });
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
