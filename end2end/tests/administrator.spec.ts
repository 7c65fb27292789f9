import { test, expect } from '@playwright/test';
import { bootstrapAdmin, enterSetupCode, mailTo, linkIn, totp, checkPage, ready, PASSWORD, t as locale, remember } from './helpers';

const TEXT = {
  fr: {
    subject: 'Activez votre compte du portail usager',
    setupTitle: 'Activer votre compte',
    password: 'Mot de passe', confirm: 'Confirmez le mot de passe', setupCode: 'Code à 6 chiffres affiché par l\'application',
    activate: 'Activer mon compte', greeting: 'Bonjour, Camille', signOut: 'Se déconnecter', signIn: 'Se connecter',
    email: 'Courriel', code: 'Code de vérification à 6 chiffres', next: 'Continuer',
    wrong: 'Le courriel ou le mot de passe est incorrect.', wrongCode: 'Ce code est incorrect. Il vous reste 4 essai(s).',
    tooShort: 'Le mot de passe doit contenir au moins 12 caractères.',
    used: 'Ce lien d\'activation a déjà été utilisé.', account: 'Paramètres du compte',
  },
  en: {
    subject: 'Activate your Patient Portal account',
    setupTitle: 'Activate your account',
    password: 'Password', confirm: 'Confirm the password', setupCode: '6-digit code shown by the app',
    activate: 'Activate my account', greeting: 'Hello, Jordan', signOut: 'Sign out', signIn: 'Sign in',
    email: 'Email', code: '6-digit verification code', next: 'Continue',
    wrong: 'The email or password is incorrect.', wrongCode: 'This code is incorrect. You have 4 attempt(s) left.',
    tooShort: 'The password must have at least 12 characters.',
    used: 'This activation link has already been used.', account: 'Account settings',
  },
};

const runs: { language: 'fr' | 'en'; javaScript: boolean }[] = [
  { language: 'fr', javaScript: true },
  { language: 'en', javaScript: true },
  { language: 'fr', javaScript: false },
];

for (const { language, javaScript } of runs) {
  test.describe(`first administrator (${language}, JavaScript ${javaScript ? 'on' : 'off'})`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('setup link by mail, password and authenticator, sign out, sign in again', async ({ page }) => {
      const t = TEXT[language];
      const { email, code } = bootstrapAdmin(language, 'Clinique Saint-Laurent');
      const mail = await mailTo(page, email);
      expect(mail.subject).toBe(t.subject);
      expect(mail.text).not.toContain(code);

      // The link alone shows no secret (a mail scanner opening it first keeps nothing): the
      // console's code first.
      await page.goto(linkIn(mail.text));
      await ready(page, javaScript);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.setupTitle);
      await checkPage(page, javaScript);
      await enterSetupCode(page, language, code);
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
      remember(secret);

      // A refused password keeps the page usable and says why, in the page's language.
      await page.getByLabel(t.password, { exact: true }).fill('short');
      await page.getByLabel(t.confirm).fill('short');
      await page.getByLabel(t.setupCode).fill(totp(secret));
      await page.getByRole('button', { name: t.activate }).click();
      await expect(page.getByRole('alert')).toContainText(t.tooShort);
      await checkPage(page, javaScript);

      await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
      await page.getByLabel(t.confirm).fill(PASSWORD);
      await page.getByLabel(t.setupCode).fill(totp(secret));
      // The terms of use: refused until the box is ticked, with the password kept to send again.
      await page.getByRole('button', { name: t.activate }).click();
      await expect(page.getByRole('alert')).toContainText(locale(language, 'error-terms-required'));
      await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
      await page.getByLabel(t.confirm).fill(PASSWORD);
      // The refusal did not use the code's time step: the same code still works.
      await page.getByLabel(t.setupCode).fill(totp(secret));
      await page.getByLabel(locale(language, 'terms-accept-label')).check();
      await page.getByRole('button', { name: t.activate }).click();
      await expect(page).toHaveURL(/\/staff$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.greeting);
      await expect(page.getByText('Clinique Saint-Laurent')).toBeVisible();
      await checkPage(page, javaScript);

      await page.getByRole('button', { name: t.signOut }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('button', { name: t.signOut })).toHaveCount(0);

      // The link works once.
      await page.goto(linkIn(mail.text));
      await expect(page.getByText(t.used)).toBeVisible();

      await page.goto('/sign-in');
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await page.getByLabel(t.email).fill(email);
      await page.getByLabel(t.password).fill('not the right password');
      await page.getByRole('button', { name: t.next }).click();
      await expect(page.getByRole('alert')).toContainText(t.wrong);
      await expect(page.getByLabel(t.email)).toHaveValue(email);
      await checkPage(page, javaScript);

      await page.getByLabel(t.password).fill(PASSWORD);
      await page.getByRole('button', { name: t.next }).click();
      await expect(page).toHaveURL(/\/sign-in\/code$/);
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await page.getByLabel(t.code).fill('000000' === totp(secret, 1) ? '111111' : '000000');
      await page.getByRole('button', { name: t.signIn }).click();
      await expect(page.getByRole('alert')).toContainText(t.wrongCode);
      await page.getByLabel(t.code).fill(totp(secret, 1));
      await page.getByRole('button', { name: t.signIn }).click();
      await expect(page).toHaveURL(/\/staff$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.greeting);

      // The name in the header opens the account settings.
      await page.getByRole('link', { name: language === 'fr' ? 'Camille Gagnon' : 'Jordan Gagnon' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.account);
      await expect(page.getByText(email)).toBeVisible();
      await checkPage(page, javaScript);

      await page.goto('/staff/team');
      await ready(page, javaScript);
      await expect(page.getByText(email)).toBeVisible();
      await checkPage(page, javaScript);
    });
  });
}
