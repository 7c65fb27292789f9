import { test, expect } from '@playwright/test';
import { checkPage, ready, signedInAdmin, mailTo, linkIn, totp, uniqueEmail, PASSWORD, t, reportBrowserErrors } from './helpers';

type Lang = 'fr' | 'en';

const runs: { language: Lang; javaScript: boolean; width: number }[] = [
  { language: 'fr', javaScript: false, width: 390 },
  { language: 'en', javaScript: true, width: 1280 },
];

for (const { language, javaScript, width } of runs) {
  test.describe(`a staff member's account (${language}, JavaScript ${javaScript ? 'on' : 'off'}, ${width} px)`, () => {
    test.use({ javaScriptEnabled: javaScript, viewport: { width, height: 900 } });

    test('the administrator suspends a professional, who is signed out, reactivates them, makes them an administrator and removes them', async ({ page, browser }) => {
      await signedInAdmin(page, language, 'Clinique du Mont');

      // The professional activates their account in a browser of their own.
      const email = uniqueEmail('anne');
      await page.goto('/staff/team');
      await ready(page, javaScript);
      await page.getByLabel(t(language, 'invite-given-name')).fill('Anne');
      await page.getByLabel(t(language, 'invite-family-name')).fill('Roy');
      await page.getByLabel(t(language, 'invite-email'), { exact: true }).fill(email);
      // Her language, which her pages and mails then use.
      await page.getByLabel(language === 'fr' ? 'Français' : 'English', { exact: true }).check();
      await page.getByRole('button', { name: t(language, 'team-add-submit') }).click();
      await expect(page.getByTestId('team-list')).toContainText(email);
      const anneContext = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width, height: 900 } });
      const anne = await anneContext.newPage();
      reportBrowserErrors(anne);
      await anne.goto(linkIn((await mailTo(anne, email)).text));
      const secret = (await anne.getByTestId('totp-secret').textContent())!.trim();
      await anne.locator('#password').fill(PASSWORD);
      await anne.locator('#password_confirmation').fill(PASSWORD);
      await anne.locator('#code').fill(totp(secret));
      await anne.locator('form button[type=submit]').click();
      await expect(anne).toHaveURL(/\/staff$/);

      // Her page, from the team list searched by name and filtered to active accounts.
      await page.goto('/staff/team');
      await ready(page, javaScript);
      await page.getByLabel(t(language, 'team-state-label')).selectOption('active');
      await page.getByLabel(t(language, 'team-search-label')).fill('roy');
      await page.getByRole('button', { name: t(language, 'patients-search-submit') }).click();
      await expect(page).toHaveURL(/state=active/);
      await expect(page.getByTestId('team-list').getByRole('row')).toHaveCount(2);
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await page.getByRole('link', { name: 'Anne Roy' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anne Roy');
      await ready(page, javaScript);
      await expect(page.getByTestId('person-state')).toHaveText(t(language, 'person-state-active'));
      await checkPage(page, javaScript);

      // Suspend: asked first, on the page, then done.
      await page.getByRole('link', { name: t(language, 'person-suspend') }).click();
      await expect(page.getByText(t(language, 'person-suspend-confirm'))).toBeVisible();
      await checkPage(page, javaScript);
      await page.getByRole('button', { name: t(language, 'person-suspend') }).click();
      await expect(page.getByTestId('person-state')).toHaveText(t(language, 'person-state-suspended'));
      await expect(page.getByTestId('person-done')).toHaveText(t(language, 'person-done-suspended'));
      await checkPage(page, javaScript);

      // Her session ended: her workspace sends her to sign in, and her password is refused with why.
      await anne.goto('/staff');
      await expect(anne).toHaveURL(/\/sign-in/);
      await ready(anne, javaScript);
      await anne.locator('#email').fill(email);
      await anne.locator('#password').fill(PASSWORD);
      await anne.getByRole('button', { name: t(language, 'sign-in-next') }).click();
      await expect(anne.getByRole('alert')).toContainText(t(language, 'error-account-suspended'));

      await page.getByRole('link', { name: t(language, 'person-reactivate') }).click();
      await page.getByRole('button', { name: t(language, 'person-reactivate') }).click();
      await expect(page.getByTestId('person-state')).toHaveText(t(language, 'person-state-active'));
      await anneContext.close();

      // She becomes a second administrator, then leaves the organisation: each asked first.
      await ready(page, javaScript);
      await page.getByRole('link', { name: t(language, 'person-make-admin') }).click();
      await page.getByRole('button', { name: t(language, 'person-make-admin') }).click();
      await expect(page.getByTestId('person-done')).toHaveText(t(language, 'person-done-made-admin'));
      await expect(page.locator('.settings')).toContainText(t(language, 'team-role-admin'));
      await ready(page, javaScript);
      await page.getByRole('link', { name: t(language, 'person-remove') }).click();
      await expect(page.getByText(t(language, 'person-remove-confirm', { email }))).toBeVisible();
      await checkPage(page, javaScript);
      await page.getByRole('button', { name: t(language, 'person-remove') }).click();
      await expect(page).toHaveURL(/\/staff\/team\?done=removed$/);
      await expect(page.getByTestId('team-done')).toHaveText(t(language, 'person-done-removed'));
      await expect(page.getByTestId('team-list')).not.toContainText(email);
      await checkPage(page, javaScript);
    });
  });
}
