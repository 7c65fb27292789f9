import { test, expect, Browser, Page } from '@playwright/test';
import { checkPage, ready, mailTo, mailWithSubject, linkIn, signedInAdmin, patientAccount, uniqueEmail, totp, PASSWORD, t as locale, remember } from './helpers';

type Lang = 'fr' | 'en';

/** A mail subject as a pattern: the text exactly, with a 6-digit code where `\u0000` stands. */
function subjectPattern(subject: string): RegExp {
  const escaped = subject.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  return new RegExp(`^${escaped.replace('\u0000', '\\d{6}')}$`);
}

const TEXT = {
  fr: {
    edit: 'Modifier', save: 'Enregistrer', saved: 'Modification enregistrée.',
    preferred: 'Nom préféré', phones: 'Téléphones', mobile: 'Téléphone cellulaire', home: 'Téléphone à domicile',
    address: 'Adresse postale', street: 'Numéro et rue (et appartement)', city: 'Ville', province: 'Province ou territoire', postal: 'Code postal',
    language: 'Langue de communication', interface: 'Langue de l\'interface',
    phoneError: 'Entrez un numéro de cellulaire valide', postalError: 'Le code postal doit avoir la forme A1A 1A1',
    password: 'Mot de passe', next: 'Continuer', code: 'Code de vérification à 6 chiffres', signIn: 'Se connecter', email: 'Courriel',
    title: 'Paramètres du compte',
  },
  en: {
    edit: 'Edit', save: 'Save', saved: 'Change saved.',
    preferred: 'Preferred name', phones: 'Phones', mobile: 'Mobile phone', home: 'Home phone',
    address: 'Mailing address', street: 'Number and street (and apartment)', city: 'City', province: 'Province or territory', postal: 'Postal code',
    language: 'Language of communication', interface: 'Interface language',
    phoneError: 'Enter a valid mobile number', postalError: 'The postal code must look like A1A 1A1',
    password: 'Password', next: 'Continue', code: '6-digit verification code', signIn: 'Sign in', email: 'Email',
    title: 'Account settings',
  },
};

/** A patient with an account, signed in in a context of their own, from a new organisation. */
async function signedInPatient(browser: Browser, language: Lang, javaScript: boolean): Promise<{ patient: Page; email: string }> {
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signedInAdmin(staff, language, 'Clinique du Parc');
  const found = await patientAccount(staff, browser, language, javaScript);
  await staffContext.close();
  return found;
}

async function openEditor(page: Page, javaScript: boolean, t: typeof TEXT.fr, label: string) {
  await page.getByRole('link', { name: new RegExp(`^${t.edit}\\s*:\\s*${label.replace(/[()]/g, '\\$&')}$`) }).click();
  await ready(page, javaScript);
}

const runs: { language: Lang; javaScript: boolean }[] = [
  { language: 'fr', javaScript: true },
  { language: 'en', javaScript: true },
  { language: 'fr', javaScript: false },
];

for (const { language, javaScript } of runs) {
  test.describe(`account settings (${language}, JavaScript ${javaScript ? 'on' : 'off'})`, () => {
    test('edit every editable field; the next email follows the language of communication', async ({ browser }) => {
      const t = TEXT[language];
      const { patient: page, email } = await signedInPatient(browser, language, javaScript);
      await page.goto('/home');
      await ready(page, javaScript);
      await page.getByRole('link', { name: 'Léa Tremblay' }).click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
      await expect(page.getByText(language === 'fr' ? '12 avril 1990' : 'April 12, 1990')).toBeVisible();
      await checkPage(page, javaScript);
      // The pencils open an editor on this page: none is announced as "the current page".
      await expect(page.locator('main a[aria-current]')).toHaveCount(0);

      await openEditor(page, javaScript, t, t.preferred);
      await page.getByLabel(t.preferred).fill('Lili');
      await page.getByRole('button', { name: t.save }).click();
      await expect(page.getByRole('status').filter({ hasText: t.saved })).toBeVisible();
      await expect(page.getByTestId('value-preferred_name')).toHaveText('Lili');

      // A wrong number: the message, and what was typed is still there.
      await openEditor(page, javaScript, t, t.phones);
      await checkPage(page, javaScript);
      await page.getByLabel(t.mobile).fill('555-0123');
      await page.getByLabel(t.home).fill('450 555 0100');
      await page.getByRole('button', { name: t.save }).click();
      await expect(page.getByText(t.phoneError).first()).toBeVisible();
      await expect(page.getByLabel(t.mobile)).toHaveValue('555-0123');
      await expect(page.getByLabel(t.home)).toHaveValue('450 555 0100');
      await checkPage(page, javaScript);
      await page.getByLabel(t.mobile).fill('(514) 555-0123');
      await page.getByRole('button', { name: t.save }).click();
      await expect(page.getByTestId('value-phones')).toHaveText(
        `${locale(language, 'account-phone-mobile', { number: '514-555-0123' })} · ${locale(language, 'account-phone-home', { number: '450-555-0100' })}`);

      await openEditor(page, javaScript, t, t.address);
      await page.getByLabel(t.street).fill('123, rue Saint-Denis');
      await page.getByLabel(t.city).fill('Montréal');
      await page.getByLabel(t.province).selectOption('QC');
      await page.getByLabel(t.postal).fill('h2x1y4x');
      await page.getByRole('button', { name: t.save }).click();
      await expect(page.getByText(t.postalError).first()).toBeVisible();
      await expect(page.getByLabel(t.street)).toHaveValue('123, rue Saint-Denis');
      await page.getByLabel(t.postal).fill('h2x1y4');
      await page.getByRole('button', { name: t.save }).click();
      await expect(page.getByTestId('value-address')).toHaveText('123, rue Saint-Denis, Montréal, QC H2X 1Y4');

      // Emails in the other language from now on.
      const other = language === 'fr' ? 'English' : 'Français';
      await openEditor(page, javaScript, t, t.language);
      await page.getByLabel(other).check();
      await page.getByRole('button', { name: t.save }).click();
      await expect(page.getByTestId('value-language')).toHaveText(other);
      await checkPage(page, javaScript);

      // The interface language switches the page itself.
      await openEditor(page, javaScript, t, t.interface);
      await page.getByLabel(other).check();
      await page.getByRole('button', { name: t.save }).click();
      const o = TEXT[language === 'fr' ? 'en' : 'fr'];
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(o.title);
      await expect(page.locator('html')).toHaveAttribute('lang', language === 'fr' ? 'en' : 'fr');

      // Sign out and in: the verification code arrives in the new language of communication.
      await page.context().clearCookies();
      await page.goto(`/sign-in?lang=${language === 'fr' ? 'en' : 'fr'}`);
      await ready(page, javaScript);
      await page.getByLabel(o.email).fill(email);
      await page.getByLabel(o.password).fill(PASSWORD);
      await page.getByRole('button', { name: o.next }).click();
      const subject = language === 'fr' ? /^Your verification code: \d{6}$/ : /^Votre code de vérification : \d{6}$/;
      const mail = await mailWithSubject(page, email, subject);
      await page.getByLabel(o.code).fill(mail.subject.match(/\d{6}/)![0]);
      await page.getByRole('button', { name: o.signIn }).click();
      await expect(page).toHaveURL(/\/home$/);
    });
  });
}

test.describe('email change, authenticator and recovery codes (JavaScript on)', () => {
  test('change the email end to end through MailDev', async ({ browser }) => {
    const t = TEXT.fr;
    const { patient: page, email } = await signedInPatient(browser, 'fr', true);
    await page.goto('/account');
    await ready(page, true);
    await page.getByRole('link', { name: /Changer\s*:\s*Courriel/ }).click();
    await page.getByRole('link', { name: 'Confirmer mon identité' }).click();
    await expect(page).toHaveURL(/\/account\/confirm\?next=\/account\/email$/);
    await checkPage(page);
    await page.getByLabel(t.password).fill(PASSWORD);
    await page.getByRole('button', { name: t.next }).click();
    const codeMail = await mailWithSubject(page, email, /^Votre code de vérification : \d{6}$/);
    await page.getByLabel(t.code).fill(codeMail.subject.match(/\d{6}/)![0]);
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await expect(page).toHaveURL(/\/account\/email$/);
    await checkPage(page);

    const newEmail = uniqueEmail('lea-nouveau');
    await page.getByLabel('Nouvelle adresse courriel').fill(newEmail);
    await page.getByRole('button', { name: 'Envoyer le lien de confirmation' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'lien de confirmation' })).toBeVisible();
    await expect(page.getByTestId('value-email')).toHaveText(email);
    const notice = await mailWithSubject(page, email, /changement de votre adresse courriel/);
    expect(notice.text).toContain(newEmail);

    const confirm = await mailTo(page, newEmail);
    await page.goto(linkIn(confirm.text));
    await ready(page, true);
    await checkPage(page);
    await page.getByRole('button', { name: 'Confirmer cette adresse' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Adresse courriel changée');
    await page.goto('/account');
    await expect(page.getByTestId('value-email')).toHaveText(newEmail);
  });

  test('turn on an authenticator app from its secret, keep recovery codes, sign in with the app', async ({ browser }) => {
    const { patient: page, email } = await signedInPatient(browser, 'en', true);
    await page.goto('/account/authenticator');
    await ready(page, true);
    // Adding a way to sign in needs a fresh proof of who one is: password and emailed code.
    await page.getByRole('link', { name: locale('en', 'reauth-start') }).click();
    await expect(page).toHaveURL(/\/account\/confirm\?next=\/account\/authenticator$/);
    await page.getByLabel(locale('en', 'sign-in-password-label')).fill(PASSWORD);
    await page.getByRole('button', { name: locale('en', 'sign-in-next') }).click();
    const codeMail = await mailWithSubject(page, email, subjectPattern(locale('en', 'mail-code-subject', { code: '\u0000' })));
    await page.getByLabel(locale('en', 'sign-in-code-label')).fill(codeMail.subject.match(/\d{6}/)![0]);
    await page.getByRole('button', { name: locale('en', 'reauth-verify'), exact: true }).click();
    await expect(page).toHaveURL(/\/account\/authenticator$/);
    await page.getByRole('button', { name: 'Set up an app' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    remember(secret);
    await checkPage(page);
    await page.getByLabel('Your current password').fill(PASSWORD);
    await page.getByLabel('6-digit code shown by the app').fill(totp(secret));
    await page.getByRole('button', { name: 'Turn on the app' }).click();
    await expect(page).toHaveURL(/\/account\/recovery-codes$/);
    await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
    await expect(page.getByRole('link', { name: 'Download the codes (text file)' })).toHaveAttribute('download', 'portail-recovery-codes.txt');
    await checkPage(page);
    // Shown once.
    await page.reload();
    await expect(page.getByText('These codes were already shown')).toBeVisible();

    await page.context().clearCookies();
    await page.goto('/sign-in?lang=en');
    await ready(page, true);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('6-digit verification code').fill(totp(secret, 1));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/home$/);
    await page.goto('/account');
    await expect(page.getByTestId('value-method')).toHaveText('Authenticator app');
    await checkPage(page);
    await page.goto('/account/access-log');
    await expect(page.getByTestId('access-log')).toContainText(locale('en', 'audit-totp-enrolled'));
    const notice = await mailWithSubject(page, email, subjectPattern(locale('en', 'mail-method-added-subject')));
    expect(notice.text).toContain('Léa');
    await checkPage(page);
  });

  test('the help centre finds answers in both languages', async ({ page }) => {
    await page.goto('/help?q=code%20expire');
    await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Mon code d\'invitation est expiré, que faire?']);
    await checkPage(page);
    await page.goto('/help?lang=en');
    await page.getByLabel('Search help').fill('lost phone');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { level: 3 })).toHaveText(['I lost the phone with my authenticator app.']);
  });
});

test('close my account without JavaScript on a phone: explained, confirmed, mailed; sign-in refused', async ({ browser }) => {
  const fr = (key: string, args?: Record<string, string>) => locale('fr', key, args);
  const { patient: page, email } = await signedInPatient(browser, 'fr', false);
  await page.goto('/account');
  await page.getByRole('link', { name: fr('close-account-link'), exact: true }).click();
  await expect(page).toHaveURL(/\/account\/close$/);
  await page.getByRole('link', { name: fr('reauth-start') }).click();
  await page.getByLabel(fr('sign-in-password-label')).fill(PASSWORD);
  await page.getByRole('button', { name: fr('sign-in-next') }).click();
  const codeMail = await mailWithSubject(page, email, subjectPattern(fr('mail-code-subject', { code: '\u0000' })));
  await page.getByLabel(fr('sign-in-code-label')).fill(codeMail.subject.match(/\d{6}/)![0]);
  await page.getByRole('button', { name: fr('reauth-verify'), exact: true }).click();
  await expect(page).toHaveURL(/\/account\/close$/);
  await expect(page.getByText(fr('close-account-kept'))).toBeVisible();
  await checkPage(page, false);

  // Not ticked: refused, nothing closed; ticked: closed.
  await page.getByRole('button', { name: fr('close-account-submit') }).click();
  await expect(page.getByText(fr('error-close-understood')).first()).toBeVisible();
  await page.getByLabel(fr('close-account-understood')).check();
  await page.getByRole('button', { name: fr('close-account-submit') }).click();
  await expect(page).toHaveURL(/\/account-closed$/);
  await expect(page.getByTestId('closed')).toHaveText(fr('closed-body'));
  await checkPage(page, false);
  await mailWithSubject(page, email, new RegExp(fr('mail-account-closed-subject')));

  // Signed out everywhere; the address and password no longer open anything.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel(fr('sign-in-email-label')).fill(email);
  await page.getByLabel(fr('sign-in-password-label')).fill(PASSWORD);
  await page.getByRole('button', { name: fr('sign-in-next') }).click();
  await expect(page.getByText(fr('error-credentials')).first()).toBeVisible();
  await page.context().close();
});
