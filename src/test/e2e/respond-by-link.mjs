// A health practitioner without an account answers an advice request through its secure link, with the keyboard
// only, on a phone-sized screen: each page is checked with axe-core (WCAG 2.2 A and AA), the advice is typed and a
// PDF attached, and the link then says the request is answered. Prints one JSON line with what it saw.
// Environment: LINK (the link, on the application under test), PDF (a file to attach), SCREENSHOT_DIR.
import { audit, launch, phonePage, tabTo, writeAttachAndSend } from './browser.mjs';

const link = process.env.LINK;
const shots = process.env.SCREENSHOT_DIR ?? '.';

const browser = await launch();
const seen = { violations: {} };
try {
  const page = await phonePage(browser);
  await page.goto(link);
  seen.heading = await page.locator('h1').textContent();
  seen.violations.form = await audit(page);
  await page.screenshot({ path: `${shots}/respond-advice-form.png`, fullPage: true });
  seen.skipLinkFirst = await tabTo(page, 'a.govuk-skip-link', 1);

  // Sent empty first, from the keyboard: the error summary names the field and links to it.
  seen.reachedButton = await tabTo(page, 'button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-error-summary');
  seen.errorTitle = await page.title();
  seen.errors = await page.locator('.govuk-error-summary__list a').allTextContents();
  seen.violations.error = await audit(page);
  await page.screenshot({ path: `${shots}/respond-advice-error.png`, fullPage: true });

  await writeAttachAndSend(page, seen,
    'Speech and language therapy, 30 minutes twice a week, by a speech and language therapist.', process.env.PDF,
    `${shots}/respond-advice-sent.png`);

  await page.goto(link);
  seen.again = await page.locator('h1').textContent();
  seen.violations.used = await audit(page);
  seen.horizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
