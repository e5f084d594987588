// A parent signs in to the family page with a one-time code from their email, with the keyboard only, on a
// phone-sized screen, reads where the case is, and comments on the draft plan, asking for a school and a meeting.
// Each page is checked with axe-core (WCAG 2.2 A and AA). Prints one JSON line with what it saw.
// Environment: BASE (the application), CASE, EMAIL, CODE_FILE (where the test writes the emailed code),
// SCREENSHOT_DIR.
import { existsSync, readFileSync } from 'node:fs';
import { audit, launch, phonePage, tabTo } from './browser.mjs';

const base = process.env.BASE;
const shots = process.env.SCREENSHOT_DIR ?? '.';

async function emailedCode() {
  for (let i = 0; i < 300; i++) {
    if (existsSync(process.env.CODE_FILE)) {
      return readFileSync(process.env.CODE_FILE, 'utf8').trim();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no code arrived');
}

const browser = await launch();
const seen = { violations: {} };
try {
  const page = await phonePage(browser);
  await page.goto(`${base}/family`);
  seen.signInHeading = await page.locator('h1').textContent();
  seen.violations.signIn = await audit(page);
  await page.screenshot({ path: `${shots}/family-sign-in.png`, fullPage: true });
  seen.skipLinkFirst = await tabTo(page, 'a.govuk-skip-link', 1);
  seen.reachedCase = await tabTo(page, '#caseReference');
  await page.keyboard.type(process.env.CASE);
  seen.reachedEmail = await tabTo(page, '#email');
  await page.keyboard.type(process.env.EMAIL);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#code');
  seen.codeHeading = await page.locator('h1').textContent();
  seen.violations.code = await audit(page);

  // A wrong code first: the error summary names the field.
  const code = await emailedCode();
  seen.reachedCode = await tabTo(page, '#code');
  await page.keyboard.type(code === '000000' ? '111111' : '000000');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-error-summary');
  seen.codeErrorTitle = await page.title();
  seen.codeErrors = await page.locator('.govuk-error-summary__list a').allTextContents();
  seen.violations.codeError = await audit(page);
  await page.screenshot({ path: `${shots}/family-code-error.png`, fullPage: true });
  await page.focus('#code');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#draft-plan');
  seen.caseHeading = await page.locator('h1').textContent();
  seen.now = await page.locator('h2:has-text("Where the case is now") + p').textContent();
  seen.dates = await page.locator('.govuk-summary-list__key').allTextContents();
  seen.violations.case = await audit(page);
  seen.horizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  await page.screenshot({ path: `${shots}/family-case.png`, fullPage: true });

  // Comments on the draft, a school and a meeting, by keyboard.
  seen.reachedComments = await tabTo(page, '#representations', 80);
  await page.keyboard.type('Section F should say who delivers the speech and language therapy, and how often.');
  seen.reachedSchool = await tabTo(page, '#requestedSetting');
  await page.keyboard.press('ArrowDown');
  seen.school = await page.$eval('#requestedSetting', (s) => s.options[s.selectedIndex].text);
  seen.reachedMeeting = await tabTo(page, '#meetingRequested');
  await page.keyboard.press('Space');
  seen.reachedSend = await tabTo(page, 'button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-panel--confirmation');
  seen.confirmation = await page.locator('.govuk-panel__title').textContent();
  seen.violations.sent = await audit(page);
  await page.screenshot({ path: `${shots}/family-comments-sent.png`, fullPage: true });
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
