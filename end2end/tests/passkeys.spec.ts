import { test, expect, Page } from '@playwright/test';
import { checkPage, ready, mailWithSubject, signedInAdmin, patientAccount, totp, PASSWORD, t } from './helpers';

type Lang = 'fr' | 'en';

/**
 * Chromium's virtual authenticator in this page (CDP `WebAuthn`): a phone's platform
 * authenticator that keeps passkeys and verifies its owner (as the fingerprint would).
 */
async function phoneAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
      isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  return { credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials };
}

/** On a page that needs a fresh proof of who one is: password, then `code()`; back where it was. */
async function confirmIdentity(page: Page, language: Lang, code: () => Promise<string>) {
  await page.getByRole('link', { name: t(language, 'reauth-start') }).click();
  await expect(page).toHaveURL(/\/account\/confirm\?next=/);
  await ready(page, true);
  await page.getByLabel(t(language, 'sign-in-password-label')).fill(PASSWORD);
  await page.getByRole('button', { name: t(language, 'sign-in-next') }).click();
  await page.getByLabel(t(language, 'sign-in-code-label')).fill(await code());
  await page.getByRole('button', { name: t(language, 'reauth-verify'), exact: true }).click();
}

async function addPasskey(page: Page, language: Lang, name: string) {
  await expect(page.getByRole('heading', { name: t(language, 'passkeys-title') })).toBeVisible();
  await expect(page.getByText(t(language, 'passkeys-none'))).toBeVisible();
  await page.getByLabel(t(language, 'passkey-name-label')).fill(name);
  await page.getByRole('button', { name: t(language, 'passkey-add') }).click();
  await expect(page.getByRole('status').filter({ hasText: t(language, 'account-saved-passkey-added') })).toBeVisible();
  await expect(page.getByRole('list', { name: t(language, 'passkeys-list') }).getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: t(language, 'passkey-remove', { passkey: name }) })).toBeVisible();
}

async function signOut(page: Page, language: Lang) {
  await page.getByRole('button', { name: t(language, 'sign-out') }).click();
  await expect(page.getByRole('button', { name: t(language, 'sign-out') })).toHaveCount(0);
}

test('a patient on her phone adds a passkey, signs out, and signs in with it in one step (FR, 390 px)', async ({ browser }) => {
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signedInAdmin(staff, 'fr', 'Clinique des Érables');
  const { patient: page, email } = await patientAccount(staff, browser, 'fr', true);
  await staffContext.close();
  const phone = await phoneAuthenticator(page);

  await page.goto('/account/security');
  await ready(page, true);
  await confirmIdentity(page, 'fr', async () =>
    (await mailWithSubject(page, email, /^Votre code de vérification : \d{6}$/)).subject.match(/\d{6}/)![0]);
  await expect(page).toHaveURL(/\/account\/security$/);
  await ready(page, true);
  await checkPage(page);
  await addPasskey(page, 'fr', 'Pixel de Léa');
  expect(await phone.credentials()).toHaveLength(1);
  const notice = await mailWithSubject(page, email, new RegExp(`^${t('fr', 'mail-passkey-added-subject')}$`));
  expect(notice.text).toContain('« Pixel de Léa »');
  await checkPage(page);

  await signOut(page, 'fr');
  await page.goto('/sign-in');
  await ready(page, true);
  await checkPage(page);
  await page.getByRole('button', { name: t('fr', 'passkey-sign-in') }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('link', { name: 'Léa Tremblay' })).toBeVisible();
  // Recorded with the way she signed in.
  await page.goto('/account/access-log');
  await expect(page.getByText(t('fr', 'audit-sign-in-passkey')).first()).toBeVisible();
});

test('without JavaScript the sign-in page offers no passkey button and signs in as before', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/sign-in?lang=en');
  await expect(page.getByRole('button', { name: t('en', 'sign-in-next') })).toBeVisible();
  await expect(page.getByRole('button', { name: t('en', 'passkey-sign-in') })).toHaveCount(0);
  await context.close();
});

test('a staff member replaces the authenticator app with a passkey (EN)', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { email, secret } = await signedInAdmin(page, 'en', 'Maple Clinic');
  await phoneAuthenticator(page);

  await page.goto('/account/security');
  await ready(page, true);
  // The app's next code: the current one was just used to set the account up.
  await confirmIdentity(page, 'en', async () => totp(secret, 1));
  await expect(page).toHaveURL(/\/account\/security$/);
  await ready(page, true);
  await addPasskey(page, 'en', 'Work laptop');
  await checkPage(page);
  await page.getByRole('button', { name: t('en', 'security-remove-app') }).click();
  // Her way back should she lose the passkey, shown once.
  await expect(page).toHaveURL(/\/account\/recovery-codes$/);
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await page.goto('/account');
  await expect(page.getByText(t('en', 'account-method-passkey'))).toBeVisible();

  // After her password, no code is mailed: the page sends her to her passkey (or a recovery code).
  await signOut(page, 'en');
  await page.goto('/sign-in?lang=en');
  await ready(page, true);
  await page.getByLabel(t('en', 'sign-in-email-label')).fill(email);
  await page.getByLabel(t('en', 'sign-in-password-label')).fill(PASSWORD);
  await page.getByRole('button', { name: t('en', 'sign-in-next') }).click();
  await expect(page.getByText('Your account signs in with a passkey')).toBeVisible();
  await expect(page.getByLabel(t('en', 'sign-in-recovery-label'))).toBeVisible();
  await page.goto('/sign-in?lang=en');
  await ready(page, true);
  await page.getByRole('button', { name: t('en', 'passkey-sign-in') }).click();
  await expect(page).toHaveURL(/\/staff$/);

  // Proving again who she is takes the passkey too.
  await page.goto('/account/security');
  await ready(page, true);
  await page.getByRole('link', { name: t('en', 'reauth-start') }).click();
  await ready(page, true);
  await checkPage(page);
  await page.getByRole('button', { name: t('en', 'passkey-reauth') }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole('list', { name: t('en', 'passkeys-list') }).getByText('Work laptop', { exact: true })).toBeVisible();
});
