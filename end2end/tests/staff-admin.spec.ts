import { test, expect } from '@playwright/test';
import { checkPage, ready, signedInAdmin, mailTo, mailWithSubject, linkIn, totp, uniqueEmail, PASSWORD, t, reportBrowserErrors, remember, enterSetupCode, completeSetup } from './helpers';

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
      // Asked first whether she already has an account: no.
      await page.getByLabel(t(language, 'team-existing-no')).check();
      await page.getByRole('button', { name: t(language, 'invitation-code-submit') }).click();
      await expect(page).toHaveURL(/existing=no/);
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await page.getByLabel(t(language, 'invite-given-name')).fill('Anne');
      await page.getByLabel(t(language, 'invite-family-name')).fill('Roy');
      await page.getByLabel(t(language, 'invite-email'), { exact: true }).fill(email);
      // Her language, which her pages and mails then use.
      await page.getByLabel(language === 'fr' ? 'Français' : 'English', { exact: true }).check();
      await page.getByRole('button', { name: t(language, 'team-add-submit') }).click();
      // The secret code, shown once, to hand over by phone or in person.
      await expect(page).toHaveURL(/\/staff\/team\/code$/);
      await expect(page.getByText(t(language, 'staff-code-write-down'))).toBeVisible();
      const code = (await page.getByTestId('secret-code').textContent())!.trim();
      expect(code).toMatch(/^[A-Z]-\d{6}$/);
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      if (javaScript) {
        await page.getByTestId('copy-code').click();
        await expect(page.getByRole('status').filter({ hasText: t(language, 'copied') })).toBeVisible();
      } else {
        await expect(page.getByTestId('copy-code')).toHaveCount(0);
      }
      await page.reload();
      await expect(page.getByText(t(language, 'staff-code-gone'))).toBeVisible();

      const anneContext = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width, height: 900 } });
      const anne = await anneContext.newPage();
      reportBrowserErrors(anne);
      const mail = await mailTo(anne, email);
      expect(mail.text).not.toContain(code);
      await anne.goto(linkIn(mail.text));
      await ready(anne, javaScript);
      // The link alone shows nothing of the account: first the code.
      await expect(anne.getByTestId('totp-secret')).toHaveCount(0);
      await checkPage(anne, javaScript);
      await anne.getByLabel(t(language, 'setup-code-label')).fill(code);
      await anne.getByRole('button', { name: t(language, 'invitation-code-submit') }).click();
      const secret = (await anne.getByTestId('totp-secret').textContent())!.trim();
      remember(secret);
      await ready(anne, javaScript);
      await anne.locator('#password').fill(PASSWORD);
      await anne.locator('#password_confirmation').fill(PASSWORD);
      await anne.locator('#code').fill(totp(secret));
      await anne.locator('#accept_terms').check();
      await anne.locator('main form button[type=submit]').click();
      await expect(anne).toHaveURL(/\/staff$/);
      await ready(anne, javaScript);
      await expect(anne.locator('.staff-links a[href="/staff/inbox"]')).toHaveCount(1);

      // The administrator unticks Messaging on her page: her inbox is gone at once.
      await page.goto('/staff/team');
      await ready(page, javaScript);
      await page.getByRole('link', { name: 'Anne Roy' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anne Roy');
      await ready(page, javaScript);
      await page.getByLabel(t(language, 'service-messaging'), { exact: true }).uncheck();
      await page.getByRole('button', { name: t(language, 'services-update') }).click();
      await expect(page.getByTestId('person-done')).toHaveText(t(language, 'person-done-services'));
      await expect(page.getByLabel(t(language, 'service-messaging'), { exact: true })).not.toBeChecked();
      await checkPage(page, javaScript);
      await anne.goto('/staff');
      await ready(anne, javaScript);
      await expect(anne.getByTestId('services')).toContainText(t(language, 'service-invitations'));
      await expect(anne.getByTestId('services')).not.toContainText(t(language, 'service-messaging'));
      await expect(anne.locator('.staff-links a[href="/staff/inbox"]')).toHaveCount(0);
      await anne.goto('/staff/inbox');
      await expect(anne.getByRole('alert')).toContainText(t(language, 'error-forbidden'));

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

      // The overview: 12 weeks drawn on the server and tabled, and what needs attention now.
      await page.goto('/staff/overview');
      await ready(page, javaScript);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(language, 'overview-title'));
      await expect(page.getByTestId('overview-chart')).toBeVisible();
      await expect(page.getByTestId('overview-weeks').locator('tbody tr')).toHaveCount(12);
      await expect(page.getByTestId('overview-now')).toContainText(t(language, 'overview-staff-pending'));
      await checkPage(page, javaScript);
    });
  });
}

test('the secret code of a new staff member emailed to the authoriser the administrator names (no JavaScript, 390 px)', async ({ browser }) => {
  const fr = (key: string, args: Record<string, string> = {}) => t('fr', key, args);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signedInAdmin(page, 'fr', 'Clinique des Deux Clés');
  const anneEmail = uniqueEmail('anne');
  const chefEmail = uniqueEmail('paul.chef');
  await page.goto('/staff/team?existing=no');
  await page.getByLabel(fr('invite-given-name')).fill('Anne');
  await page.getByLabel(fr('invite-family-name')).fill('Roy');
  await page.getByLabel(fr('invite-email'), { exact: true }).fill(anneEmail);
  await page.getByLabel(fr('team-code-to-authoriser')).check();
  await page.getByLabel(fr('team-authoriser-email'), { exact: true }).fill(chefEmail);
  await page.getByRole('button', { name: fr('team-add-submit') }).click();
  // The authoriser's name is missing: said on its field, everything typed kept.
  await expect(page.getByText(fr('error-authoriser-name-required')).first()).toBeVisible();
  await expect(page.getByLabel(fr('team-code-to-authoriser'))).toBeChecked();
  await expect(page.getByLabel(fr('team-authoriser-email'), { exact: true })).toHaveValue(chefEmail);
  await expect(page.getByLabel(fr('invite-email'), { exact: true })).toHaveValue(anneEmail);
  await checkPage(page, false);
  await page.getByLabel(fr('team-authoriser-name'), { exact: true }).fill('Paul Chef');
  await page.getByRole('button', { name: fr('team-add-submit') }).click();
  await expect(page.getByTestId('team-done')).toHaveText(fr('team-code-mailed'));
  await checkPage(page, false);

  // Two mails to two people: the link to Anne (naming whom to ask), the code to Paul.
  const chefMail = await mailTo(page, chefEmail);
  const code = chefMail.text.match(/[A-Z]-\d{6}/)![0];
  expect(chefMail.text).toContain('Anne Roy');
  const anneMail = await mailTo(page, anneEmail);
  expect(anneMail.text).toContain('Paul Chef');
  expect(anneMail.text).not.toContain(code);
  await context.close();

  // With both halves, Anne reaches the authenticator step.
  const anneContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const anne = await anneContext.newPage();
  await anne.goto(linkIn(anneMail.text));
  await anne.getByLabel(fr('setup-code-label')).fill(code);
  await anne.getByRole('button', { name: fr('invitation-code-submit') }).click();
  await expect(anne.getByTestId('totp-secret')).toBeVisible();
  await anneContext.close();
});

test('a professional who lost her phone is started over by her administrator and restores her access with a new link and code (FR, 390 px)', async ({ browser }) => {
  const fr = (key: string, args: Record<string, string> = {}) => t('fr', key, args);
  const phone = { viewport: { width: 390, height: 844 } };
  const adminContext = await browser.newContext(phone);
  const page = await adminContext.newPage();
  await signedInAdmin(page, 'fr', 'Clinique des Bouleaux');
  const email = uniqueEmail('anne');
  await page.goto('/staff/team?existing=no');
  await ready(page, true);
  await page.getByLabel(fr('invite-given-name')).fill('Anne');
  await page.getByLabel(fr('invite-family-name')).fill('Roy');
  await page.getByLabel(fr('invite-email'), { exact: true }).fill(email);
  await page.getByRole('button', { name: fr('team-add-submit') }).click();
  const firstCode = (await page.getByTestId('secret-code').textContent())!.trim();
  const anneContext = await browser.newContext(phone);
  const anne = await anneContext.newPage();
  reportBrowserErrors(anne);
  await anne.goto(linkIn((await mailTo(anne, email)).text));
  await enterSetupCode(anne, 'fr', firstCode);
  const firstSecret = await completeSetup(anne);
  await expect(anne).toHaveURL(/\/staff$/);

  // Her phone is lost: the administrator resets her sign-in methods, confirmed on the page.
  await page.goto('/staff/team');
  await ready(page, true);
  await page.getByRole('link', { name: 'Anne Roy' }).click();
  await ready(page, true);
  await page.getByRole('link', { name: fr('person-reset-sign-in') }).click();
  await expect(page.getByText(fr('person-reset-sign-in-confirm', { email }))).toBeVisible();
  await checkPage(page);
  // With the keyboard alone.
  await page.getByRole('button', { name: fr('person-reset-sign-in') }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/staff\/team\/code$/);
  const code = (await page.getByTestId('secret-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z]-\d{6}$/);
  await checkPage(page);

  // Whoever holds her phone or her session is out at once.
  await anne.goto('/staff');
  await expect(anne).toHaveURL(/\/sign-in/);
  const mail = await mailWithSubject(anne, email, new RegExp(`^${fr('mail-sign-in-reset-subject')}$`));
  expect(mail.text).not.toContain(code);
  await anne.goto(linkIn(mail.text));
  await ready(anne, true);
  await expect(anne.getByRole('heading', { level: 1 })).toHaveText(fr('setup-title-renewal'));
  await checkPage(anne);
  await enterSetupCode(anne, 'fr', code);
  await expect(anne.getByRole('button', { name: fr('setup-submit-renewal') })).toBeVisible();
  const secret = await completeSetup(anne);
  expect(secret).not.toBe(firstSecret);
  await expect(anne).toHaveURL(/\/staff$/);
  await adminContext.close();
  await anneContext.close();
});
