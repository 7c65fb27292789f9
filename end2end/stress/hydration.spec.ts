import { test, expect } from '@playwright/test';
import { signedInAdmin } from '../tests/helpers';

// Not part of the suite (`testDir` is ./tests): run by hand to hunt an intermittent hydration
// stall, `npx playwright test --config stress.config.ts`. Opens the staff pages many times, the
// way the suite does (a page, then another before the first has hydrated), and reports each page
// that does not hydrate with what the browser fetched and said.
const PAGES = ['/staff', '/staff/patients', '/staff/team', '/staff/teams', '/staff/overview', '/staff/settings', '/staff/patients/new', '/staff/inbox'];

test('staff pages hydrate every time', async ({ page }) => {
  test.setTimeout(1_800_000);
  const log: string[] = [];
  page.on('console', (m) => log.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
  page.on('requestfailed', (r) => log.push(`[requestfailed] ${r.url()} ${r.failure()?.errorText}`));
  await signedInAdmin(page, 'fr', 'Clinique Stress');
  const rounds = Number(process.env.ROUNDS ?? 20);
  let stalls = 0;
  for (let round = 0; round < rounds; round++) {
    for (const path of PAGES) {
      log.length = 0;
      const response = await page.goto(path);
      const hydrated = await page.waitForFunction(
        () => document.documentElement.dataset.hydrated === location.pathname, null, { timeout: 20_000 },
      ).then(() => true, () => false);
      if (!hydrated) {
        stalls++;
        const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
          .map((e) => { const r = e as PerformanceResourceTiming; return `${r.name} ${Math.round(r.startTime)}+${Math.round(r.duration)} ms ${r.transferSize} B status ${r.responseStatus}`; }));
        console.log(`STALL round ${round} ${path} ${response?.status()} ${JSON.stringify((await response?.headersArray())?.filter((h) => /content-security|request-id|location|content-type|cache/i.test(h.name)))} final url ${page.url()} title ${await page.title()} main ${(await page.locator('main').innerText()).slice(0, 80)}\n  ${fetched.join('\n  ')}\n  ${log.join('\n  ')}\n  mark=${await page.evaluate(() => document.documentElement.dataset.hydrated)}`);
      }
      // Half the time, leave before the page has settled, as the suite does.
      if (round % 2 === 0) await page.goto(PAGES[(PAGES.indexOf(path) + 3) % PAGES.length]);
    }
  }
  console.log(`stalls: ${stalls} of ${rounds * PAGES.length}`);
  expect(stalls).toBe(0);
});
