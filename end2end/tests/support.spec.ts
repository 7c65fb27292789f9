import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { checkPage, ready, signedInAdmin, patientAccount, mailWithSubject, t } from './helpers';

type Lang = 'fr' | 'en';

/** Locks the account as 10 wrong passwords would (the lock itself is pinned by the server tests). */
function lock(email: string) {
  execFileSync('sqlite3', [
    path.resolve(__dirname, '../.tmp/portail.db'),
    `UPDATE accounts SET locked_until = strftime('%s', 'now') + 3600, failed_sign_ins = 10 WHERE email_key = '${email.toLowerCase()}'`,
  ]);
}

const runs: { language: Lang; javaScript: boolean; width: number }[] = [
  { language: 'fr', javaScript: false, width: 390 },
  { language: 'en', javaScript: true, width: 1280 },
];

for (const { language, javaScript, width } of runs) {
  test.describe(`the support desk (${language}, JavaScript ${javaScript ? 'on' : 'off'}, ${width} px)`, () => {
    test.use({ javaScriptEnabled: javaScript, viewport: { width, height: 900 } });

    test('finds a locked patient by date of birth, sees personal data only, unlocks her; she sees it in her access log', async ({ page, browser }) => {
      await signedInAdmin(page, language, 'Clinique des Cèdres');
      const { patient, email } = await patientAccount(page, browser, language, javaScript);
      lock(email);

      await page.goto('/staff/support');
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await page.getByLabel(t(language, 'support-search-label')).fill('12/04/1990');
      await page.getByRole('button', { name: t(language, 'patients-search-submit') }).click();
      await expect(page).toHaveURL(/q=12/);
      await expect(page.getByTestId('support-found')).toContainText(email);
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await page.getByRole('link', { name: 'Léa Tremblay' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Léa Tremblay');
      await ready(page, javaScript);
      await expect(page.getByText(t(language, 'support-personal-only'))).toBeVisible();
      await expect(page.getByTestId('support-state')).toContainText(t(language, 'support-state-locked', { date: '' }).trim().split(' ')[0]);
      await checkPage(page, javaScript);

      await page.getByRole('button', { name: t(language, 'support-unlock') }).click();
      await expect(page.getByTestId('support-done')).toHaveText(t(language, 'support-done-unlocked'));
      await expect(page.getByTestId('support-state')).toHaveText(t(language, 'support-state-active'));
      await expect(page.getByRole('button', { name: t(language, 'support-unlock') })).toHaveCount(0);
      await checkPage(page, javaScript);
      await mailWithSubject(page, email, new RegExp(t(language, 'mail-unlocked-subject')));

      // Léa's access log names what the desk did.
      await patient.goto('/account/access-log');
      await ready(patient, javaScript);
      await expect(patient.getByText(t(language, 'audit-support-viewed')).first()).toBeVisible();
      await expect(patient.getByText(t(language, 'audit-support-unlocked'))).toBeVisible();

      // Reported as used by someone else: the desk deactivates it; her session ends, she is told.
      await page.getByRole('button', { name: t(language, 'support-deactivate') }).click();
      await expect(page.getByTestId('support-done')).toHaveText(t(language, 'support-done-deactivated'));
      await expect(page.getByTestId('support-state')).toHaveText(t(language, 'support-state-suspended'));
      await checkPage(page, javaScript);
      await mailWithSubject(page, email, new RegExp(t(language, 'mail-desk-deactivated-subject')));
      await patient.goto('/account');
      await expect(patient).toHaveURL(/\/sign-in/);
      // Her identity checked, it is given back.
      await page.getByRole('button', { name: t(language, 'support-reactivate') }).click();
      await expect(page.getByTestId('support-done')).toHaveText(t(language, 'support-done-reactivated'));
      await expect(page.getByTestId('support-state')).toHaveText(t(language, 'support-state-active'));
      await mailWithSubject(page, email, new RegExp(t(language, 'mail-desk-reactivated-subject')));
      await patient.context().close();
    });
  });
}
