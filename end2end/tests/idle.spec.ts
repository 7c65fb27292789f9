import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { checkPage, ready, signedInAdmin, t } from './helpers';

const DATABASE = path.resolve(__dirname, '../.tmp/portail.db');

/** As if the person had done nothing for `seconds`: the server's clock of their live session. */
function idleFor(email: string, seconds: number) {
  execFileSync('sqlite3', [DATABASE,
    `UPDATE sessions SET last_seen_at = strftime('%s', 'now') - ${seconds}
      WHERE ended_at IS NULL AND account_id = (SELECT id FROM accounts WHERE email = '${email}')`]);
}

function secondsSinceSeen(email: string): number {
  return Number(execFileSync('sqlite3', [DATABASE,
    `SELECT strftime('%s', 'now') - MAX(last_seen_at) FROM sessions
      WHERE ended_at IS NULL AND account_id = (SELECT id FROM accounts WHERE email = '${email}')`]).toString().trim());
}

for (const language of ['fr', 'en'] as const) {
  test(`an idle page warns 2 minutes before signing out, "stay signed in" by keyboard, then says why (${language}, 390 px)`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { email } = await signedInAdmin(page, language, 'Clinique du Repos');
    // The page's clock is ours to move; the server's is moved in its database.
    await page.clock.install();
    await page.goto('/staff');
    await ready(page, true);
    await expect(page.getByTestId('idle-warning')).toHaveCount(0);

    idleFor(email, 28 * 60);
    await page.clock.runFor('28:00');
    const warning = page.getByRole('alertdialog', { name: t(language, 'idle-warning-title') });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(t(language, 'idle-warning-text'));
    const stay = page.getByRole('button', { name: t(language, 'idle-warning-stay') });
    await expect(stay).toBeFocused();
    await checkPage(page);

    await page.keyboard.press('Enter');
    await expect(warning).toHaveCount(0);
    await expect.poll(() => secondsSinceSeen(email)).toBeLessThan(10);

    // Nobody comes back: at the end the page goes to the sign-in page, which says why.
    idleFor(email, 30 * 60 + 5);
    await page.clock.runFor('31:00');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fstaff&reason=idle$/);
    await expect(page.getByText(t(language, 'signed-out-idle'))).toBeVisible();
    await checkPage(page);
  });
}

test('near the 12-hour cap the page says the session ends, without promising to keep it (en, 1280 px)', async ({ page }) => {
  const { email } = await signedInAdmin(page, 'en', 'Clinique du Plafond');
  await page.clock.install();
  await page.goto('/staff');
  await ready(page, true);
  const capIn = (seconds: number) => execFileSync('sqlite3', [DATABASE,
    `UPDATE sessions SET created_at = strftime('%s', 'now') - 43200 + ${seconds}
      WHERE ended_at IS NULL AND account_id = (SELECT id FROM accounts WHERE email = '${email}')`]);
  capIn(100);
  await page.clock.runFor('28:00');
  const warning = page.getByRole('alertdialog', { name: t('en', 'idle-cap-title') });
  await expect(warning).toContainText(t('en', 'idle-cap-text'));
  await expect(page.getByRole('button', { name: t('en', 'idle-warning-stay') })).toHaveCount(0);
  const ok = page.getByRole('button', { name: t('en', 'idle-cap-ok') });
  await expect(ok).toBeFocused();
  await checkPage(page);
  await page.keyboard.press('Enter');
  await expect(warning).toHaveCount(0);

  // The cap passes: the sign-in page, without the idle reason (the person was not idle).
  capIn(-1);
  await page.clock.runFor('02:00');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstaff$/);
  await expect(page.getByText(t('en', 'signed-out-idle'))).toHaveCount(0);
});
