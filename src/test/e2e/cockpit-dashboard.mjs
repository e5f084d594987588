// Signs in to Cockpit as the demo manager, reads the "Statutory deadlines" dashboard and saves a screenshot.
// Prints the figures as one JSON line: { open: { LIMIT: { dueSoon, breached } }, rates: { LIMIT[-SCOPE]: onTime },
// stages: { waiting step: open disagreements } }.
// Environment: BASE_URL (http://localhost:8080), USER/PASSWORD (manager), SCREENSHOT (path of the PNG).
import { launch, signIn } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
  await signIn(page, base, 'cockpit', process.env.USER_ID ?? 'manager', process.env.PASSWORD ?? 'manager');
  const dashboard = page.locator('[data-plugin="statutory-deadlines"]');
  await dashboard.locator('table[data-table="open"], [data-error]').first().waitFor({ timeout: 60000 });
  const figures = await page.evaluate(() => {
    const open = {};
    document.querySelectorAll('[data-plugin="statutory-deadlines"] tr[data-time-limit]').forEach((row) => {
      const limit = row.getAttribute('data-time-limit');
      open[limit] = {
        dueSoon: Number(row.querySelector(`[data-figure="${limit}-due-soon"]`).textContent),
        breached: Number(row.querySelector(`[data-figure="${limit}-breached"]`).textContent),
      };
    });
    const rates = {};
    document.querySelectorAll('[data-plugin="statutory-deadlines"] tr[data-rate]').forEach((row) => {
      rates[row.getAttribute('data-rate')] = row.querySelector('[data-value="on-time"]').textContent;
    });
    const stages = {};
    document.querySelectorAll('[data-plugin="statutory-deadlines"] tr[data-stage]').forEach((row) => {
      stages[row.getAttribute('data-stage')] = Number(row.querySelector('[data-figure]').textContent);
    });
    const disagreementsTable = !!document.querySelector('[data-plugin="statutory-deadlines"] table[data-table="disagreements"]');
    const error = document.querySelector('[data-plugin="statutory-deadlines"] [data-error]');
    return { open, rates, stages, disagreementsTable, error: error ? error.textContent : null };
  });
  // Open the cases behind the first breached figure, as a manager would, before the screenshot.
  const breached = dashboard.locator('[data-figure$="-breached"]').first();
  if (await breached.count()) {
    await breached.click();
    figures.firstBreachedCases = await dashboard.locator('tr.ehc-details a').allTextContents();
  }
  // The sibling panel, "Plan quality": its tables, or the error it shows.
  const quality = page.locator('[data-plugin="plan-quality"]');
  await quality.locator('table[data-table="All plans"], [data-error]').first().waitFor({ timeout: 60000 });
  figures.planQuality = await page.evaluate(() => {
    const panel = document.querySelector('[data-plugin="plan-quality"]');
    const error = panel.querySelector('[data-error]');
    return { error: error ? error.textContent : null, tables: [...panel.querySelectorAll('table[data-table]')]
      .map((t) => t.getAttribute('data-table')) };
  });
  await quality.scrollIntoViewIfNeeded();
  await quality.screenshot({ path: process.env.QUALITY_SCREENSHOT ?? 'cockpit-plan-quality.png' });
  await dashboard.scrollIntoViewIfNeeded();
  await page.screenshot({ path: process.env.SCREENSHOT ?? 'cockpit-statutory-deadlines.png', fullPage: true });
  // The same signed-in session opens a case's documents page, as a link in a task would.
  await page.goto(`${base}/documents.html?case=DEMO-0002`);
  await page.locator('#documents tr, #message:not(:empty)').first().waitFor({ timeout: 30000 });
  figures.documentsOfDemo0002 = await page.locator('#documents tr a').allTextContents();
  // The plan editor checks the plan against the quality rules and says so beside the sections.
  await page.goto(`${base}/plan-editor.html?case=DEMO-0002`);
  await page.locator('#grade:not(:empty)').waitFor({ timeout: 30000 });
  figures.planEditorGrade = await page.locator('#grade').textContent();
  figures.planEditorFindings = await page.locator('ul.findings li').count();
  console.log(JSON.stringify(figures));
} finally {
  await browser.close();
}
