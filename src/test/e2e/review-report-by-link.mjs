// A SENCO with no account opens the school's review tray through the link emailed to the school, and sends a review
// report from it, with the keyboard only, on a phone-sized screen: sent empty first (the error summary names each
// field), then the day the meeting was held, its recommendation, a summary and the report as a PDF. Each page is
// checked with axe-core (WCAG 2.2 A and AA). Prints one JSON line with what it saw.
// Environment: TRAY (the tray link), CASE, HELD_ON, PDF, SCREENSHOT_DIR.
import { audit, launch, phonePage, tabTo, writeAttachAndSend } from './browser.mjs';

const tray = process.env.TRAY;
const shots = process.env.SCREENSHOT_DIR ?? '.';
const browser = await launch();
const seen = { violations: {} };
try {
  const page = await phonePage(browser);
  await page.goto(tray);
  seen.trayHeading = await page.locator('h1').textContent();
  seen.trayCases = await page.locator('[data-case]').evaluateAll((rows) => rows.map((r) => r.dataset.case));
  seen.violations.tray = await audit(page);
  seen.trayScroll = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  await page.screenshot({ path: `${shots}/school-tray-by-link.png`, fullPage: true });
  seen.reachedReport = await tabTo(page, `form[action$="/report/${process.env.CASE}"] button`, 60);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const link = page.url();
  seen.heading = await page.locator('h1').textContent();
  seen.violations.form = await audit(page);
  await page.screenshot({ path: `${shots}/review-report-form.png`, fullPage: true });

  seen.reachedButton = await tabTo(page, 'button[type="submit"]', 40);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-error-summary');
  seen.errors = await page.locator('.govuk-error-summary__list a').allTextContents();
  seen.violations.error = await audit(page);
  await page.screenshot({ path: `${shots}/review-report-error.png`, fullPage: true });

  const [year, month, day] = process.env.HELD_ON.split('-');
  seen.reachedDay = await tabTo(page, '#heldOn-day', 40);
  await page.keyboard.type(String(Number(day)));
  await page.keyboard.press('Tab');
  await page.keyboard.type(String(Number(month)));
  await page.keyboard.press('Tab');
  await page.keyboard.type(year);
  // Radios: Tab reaches the group, the arrow keys choose within it.
  seen.reachedRecommendation = await tabTo(page, 'input[name="response"]');
  await page.keyboard.press('ArrowDown');
  seen.chosen = await page.evaluate(() => document.querySelector('input[name="response"]:checked')?.value);
  await writeAttachAndSend(page, seen,
    'The plan still meets most needs; section F needs more speech and language therapy.', process.env.PDF,
    `${shots}/review-report-sent.png`);
  seen.horizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

  await page.goto(link);
  seen.again = await page.locator('h1').textContent();
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
