import { test, expect, Page } from '@playwright/test';
import { ready, reportBrowserErrors, signedInAdmin, checkPage, patientAccount, t } from './helpers';

/**
 * Something slow shows that it is happening: a form being sent (argon2 at sign-in, a file) marks
 * its button and says so to screen readers, and a second press is not sent again; a page change
 * that takes longer than 300 ms shows a slim bar at the top.
 */

/** Answers the app's server calls `ms` later, as a slow connection does, counting the posts. */
async function slowServer(page: Page, ms: number) {
  const posted: string[] = [];
  await page.route('**/api/**', async (route) => {
    if (route.request().method() === 'POST') posted.push(route.request().url());
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue().catch(() => {});
  });
  return posted;
}

test('signing in shows it is being sent and is sent once however often it is pressed', async ({ page }) => {
  reportBrowserErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/sign-in');
  await ready(page, true);
  await page.locator('#email').fill('personne@example.org');
  await page.locator('#password').fill('pas le bon mot de passe');
  const posted = await slowServer(page, 4_000);
  const button = page.getByRole('button', { name: t('fr', 'sign-in-next') });
  await button.click();
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await expect(button).toHaveClass(/is-pending/);
  await expect(page.getByRole('status').filter({ hasText: t('fr', 'form-sending') })).toHaveCount(1);
  // Pressed again, and Enter in the password field: still one sign-in on its way. (`force`:
  // Playwright itself would wait for an `aria-disabled` button to be enabled again.)
  await button.click({ force: true });
  await page.locator('#password').press('Enter');
  await checkPage(page);
  await expect(page.getByRole('alert')).toContainText(t('fr', 'error-credentials'), { timeout: 10_000 });
  expect(posted.filter((url) => url.includes('/api/sign_in')), posted.join(', ')).toHaveLength(1);
  await expect(button).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('status').filter({ hasText: t('fr', 'form-sending') })).toHaveCount(0);
  // What was typed is still there to correct.
  await expect(page.locator('#email')).toHaveValue('personne@example.org');
});

test('a page that takes a moment shows a progress bar, said to screen readers', async ({ page }) => {
  await signedInAdmin(page, 'en', 'Clinique des Pins');
  await page.goto('/staff?lang=en');
  await ready(page, true);
  await slowServer(page, 2_000);
  await page.getByRole('link', { name: t('en', 'team-title'), exact: true }).first().click();
  const bar = page.getByRole('progressbar', { name: t('en', 'route-loading') });
  await expect(bar).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: t('en', 'route-loading') })).toHaveCount(1);
  await checkPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'team-title'), { timeout: 15_000 });
  await expect(bar).toHaveCount(0);
});

test('a large file shows how much of it has been sent', async ({ page, browser }) => {
  await signedInAdmin(page, 'fr', 'Clinique du Versant');
  // A care team with the administrator in it, and a patient to write to.
  await page.goto('/staff/teams');
  await ready(page, true);
  await page.getByLabel(t('fr', 'team-name')).fill('Oncologie');
  await page.getByRole('button', { name: t('fr', 'teams-create') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oncologie');
  await ready(page, true);
  await page.getByRole('button', { name: t('fr', 'team-member-add'), exact: true }).click();
  await expect(page.getByTestId('team-members')).toHaveCount(1);
  const { email } = await patientAccount(page, browser, 'fr', true);
  await page.goto('/staff/patients?q=' + encodeURIComponent(email));
  await ready(page, true);
  await page.getByRole('link', { name: 'Léa Tremblay' }).click();
  await ready(page, true);
  await page.getByRole('link', { name: t('fr', 'conversation-new-title') }).click();
  await ready(page, true);
  await page.getByLabel(t('fr', 'message-subject')).fill('Imagerie');
  await page.getByLabel(t('fr', 'message-body'), { exact: true }).fill('Le compte rendu est joint.');
  const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3 * 1024 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
  await page.getByLabel(t('fr', 'message-files')).setInputFiles({ name: 'imagerie.pdf', mimeType: 'application/pdf', buffer: scan });
  // A phone's upload: about 400 KB/s, so the 3 MB take several seconds.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: 1_000_000, uploadThroughput: 400_000 });
  await page.getByRole('button', { name: t('fr', 'message-send') }).click();
  const progress = page.locator('progress.upload-progress');
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(progress).toHaveAccessibleName(/\d+ % envoyé/);
  await checkPage(page);
  await expect(page).toHaveURL(/\/staff\/conversations\/\d+$/, { timeout: 30_000 });
  await expect(page.getByTestId('thread').getByRole('link', { name: 'imagerie.pdf' })).toBeVisible();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
});
