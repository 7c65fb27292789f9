import { test, expect, Page } from '@playwright/test';
import { ready, signedInAdmin, t } from './helpers';

/** What the browser fetched of the app since the page was loaded: file names and bytes on the wire. */
async function fetched(page: Page) {
  const entries = await page.evaluate(() => [
    ...performance.getEntriesByType('navigation'),
    ...performance.getEntriesByType('resource'),
  ].map((e) => {
    const r = e as PerformanceResourceTiming;
    return { name: new URL(r.name).pathname, bytes: r.transferSize };
  }));
  const files = entries.map((e) => e.name);
  const bytes = entries.reduce((sum, e) => sum + e.bytes, 0);
  return { files, bytes };
}

// The signed-in pages are lazy routes (app/src/ui/lazy_pages.rs): a first visit of a public page
// loads the main bundle only, and a signed-in page's chunk comes when that page is shown.
test('a first visit loads no signed-in page; each is fetched when first shown', async ({ page }) => {
  await page.goto('/sign-in?lang=fr');
  await ready(page, true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('fr', 'sign-in-title'));
  const first = await fetched(page);
  expect(first.files.some((f) => /\/pkg\/portail\.[\w-]+\.wasm$/.test(f))).toBe(true);
  expect(first.files.filter((f) => f.includes('/pkg/split_'))).toEqual([]);
  console.log(`[bundle] first visit of /sign-in: ${first.bytes} B on the wire, ${first.files.length} requests`);

  await signedInAdmin(page, 'fr', 'Organisation du paquet');
  await ready(page, true);
  const teamLink = page.getByRole('link', { name: t('fr', 'team-title'), exact: true });
  await expect(teamLink).toBeVisible();
  const staff = await fetched(page);
  expect(staff.files.some((f) => f.includes('/pkg/split___staff_home_route_view'))).toBe(true);
  expect(staff.files.some((f) => f.includes('/pkg/split___team_route_view'))).toBe(false);

  await teamLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('fr', 'team-title'));
  const team = await fetched(page);
  expect(team.files.some((f) => f.includes('/pkg/split___team_route_view'))).toBe(true);
  console.log(`[bundle] /staff then /staff/team in the app: ${team.bytes - staff.bytes} B more`);
});

// A rolling deploy: the page was drawn by the previous release, whose chunks are gone once the new
// one is in place. The chunk that fails is asked for once; the page is loaded again, at the
// address the person was going to, and works.
test('a page whose next chunk is gone after a deploy loads itself again once', async ({ page }) => {
  await signedInAdmin(page, 'fr', 'Organisation du déploiement');
  await ready(page, true);
  let asked = 0;
  await page.route('**/pkg/split___team_route_view*', async (route) => {
    if (asked++ === 0) await route.fulfill({ status: 404, body: 'gone' });
    else await route.continue();
  });
  const documents: string[] = [];
  page.on('request', (r) => { if (r.resourceType() === 'document') documents.push(new URL(r.url()).pathname); });
  await page.getByRole('link', { name: t('fr', 'team-title'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('fr', 'team-title'), { timeout: 20_000 });
  expect(documents).toEqual(['/staff/team']);
  // The page that came back is a live one: the app has hydrated it.
  await ready(page, true);
  expect(asked, 'the chunk asked for again, from the page loaded again').toBeGreaterThan(1);
});

// A signed-in page names its route's chunks in preload links, so the browser fetches them while
// the main bundle compiles. They were missing from about one render in three when the server's
// two worker threads shared the work (server/src/split_preloads.rs): every render has them now,
// with this page's own nonce nowhere but in its script tags.
test('every render of a signed-in page preloads its chunks', async ({ page }) => {
  await signedInAdmin(page, 'fr', 'Organisation des préchargements');
  await ready(page, true);
  const renders = await Promise.all(Array.from({ length: 24 }, async () => {
    const response = await page.request.get('/staff/team');
    expect(response.status()).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];
    return { html: await response.text(), nonce };
  }));
  const without = renders.filter((r) => !/<link[^>]+href="\/pkg\/split___team_route_view[^"]*\.wasm"[^>]*rel="preload"|<link[^>]+rel="preload"[^>]+href="\/pkg\/split___team_route_view/.test(r.html));
  expect(without.length, 'renders without the team chunk preloaded').toBe(0);
  for (const { html, nonce } of renders) {
    expect(nonce).toBeTruthy();
    const values = [...html.matchAll(/crossorigin="([^"]*)"/g)].map((m) => m[1]);
    expect(values.filter((v) => v !== 'anonymous')).toEqual([]);
    const nonces = [...html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(nonces)).toEqual(new Set([nonce]));
  }
});
