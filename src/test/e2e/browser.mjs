// What the browser scripts share: Debian's chromium through playwright-core, the webapps' sign-in, and an axe-core
// audit of a page (WCAG 2.2 A and AA; the serious and critical violations, as 'rule: nodes').
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/**
 * Signs in to a webapp (tasklist, cockpit, admin) and waits until the sign-in is answered. In two full test runs of
 * about twenty, on a machine with both cores busy, a sign-in got no answer in 60 s although its button was pressed;
 * the cause was not found. So the form is filled once the webapp has loaded
 * (no request for half a second), and if no answer comes in 30 s it is filled and sent once more, saying so in the
 * output. An answer other than 200 fails at once.
 */
export async function signIn(page, base, app, user, password = user) {
  await page.goto(`${base}/camunda/app/${app}/default/`, { waitUntil: 'networkidle', timeout: 60000 });
  for (let attempt = 1; ; attempt++) {
    await page.waitForSelector('input[placeholder="Username"]');
    await page.fill('input[placeholder="Username"]', user);
    await page.fill('input[placeholder="Password"]', password);
    let answer;
    try {
      [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().includes(`/login/${app}`), { timeout: 30000 }),
        page.click('button[type="submit"]'),
      ]);
    } catch (error) {
      if (attempt === 2) {
        throw error;
      }
      console.error(`sign-in of ${user} to ${app}: no answer in 30 s (${error.message.split('\n')[0]}); sending again`);
      continue;
    }
    if (answer.status() !== 200) {
      throw new Error(`sign-in of ${user} to ${app} answered ${answer.status()}: ${await answer.text()}`);
    }
    return;
  }
}

export async function audit(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.length}`);
}

/** Presses Tab until the focused element matches the selector (true), or gives up after a number of presses. */
export async function tabTo(page, selector, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) {
      return true;
    }
  }
  return false;
}

/**
 * A page at a phone's size for the public pages (family, secure links). They run no script of their own (CSP
 * script-src 'none'); the audit's script is let in by the browser only.
 */
export async function phonePage(browser) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, bypassCSP: true });
  return context.newPage();
}

/**
 * On a link's form, from the keyboard: types the text into the box, attaches the PDF and sends it, then records in
 * {@code seen} whether each field was reached with Tab, the confirmation's title and the sent page's audit, and
 * takes its screenshot.
 */
export async function writeAttachAndSend(page, seen, text, pdf, screenshot) {
  seen.reachedSummary = seen.reachedAdvice = await tabTo(page, '#advice');
  await page.keyboard.type(text);
  seen.reachedFile = await tabTo(page, '#file');
  await page.setInputFiles('#file', pdf);
  seen.reachedSend = await tabTo(page, 'button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-panel--confirmation');
  seen.confirmation = await page.locator('.govuk-panel__title').textContent();
  seen.violations.sent = await audit(page);
  await page.screenshot({ path: screenshot, fullPage: true });
}
