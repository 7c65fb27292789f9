import { test, expect, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { checkPage, ready, mailTo, mailWithSubject, linkIn, signedInAdmin, uniqueEmail, PASSWORD, t as locale } from './helpers';

const TEXT = {
  fr: {
    invite: 'Inviter un patient', given: 'Prénom', family: 'Nom de famille', birth: 'Date de naissance', email: 'Courriel',
    mobile: 'Numéro de cellulaire (facultatif)', send: 'Envoyer l\'invitation', codeTitle: 'Code d\'invitation',
    pending: 'Invitation en attente', code: 'Code d\'invitation', continue: 'Continuer',
    format: 'Entrez le code au format A-000000', wrong: 'Il vous reste 4 essai(s).',
    password: 'Mot de passe', confirm: 'Confirmez le mot de passe', create: 'Créer mon compte', hello: 'Bonjour, Léa',
    voidTitle: 'Cette invitation n\'est plus valide', french: 'Français', english: 'English',
    subject: 'Invitation au portail usager / Invitation to the Patient Portal',
    signOut: 'Se déconnecter', next: 'Continuer', verification: 'Code de vérification à 6 chiffres', signIn: 'Se connecter',
    codeSubject: /^Votre code de vérification : \d{6}$/,
  },
  en: {
    invite: 'Invite a patient', given: 'Given name', family: 'Family name', birth: 'Date of birth', email: 'Email',
    mobile: 'Mobile number (optional)', send: 'Send the invitation', codeTitle: 'Invitation code',
    pending: 'Invitation pending', code: 'Invitation code', continue: 'Continue',
    format: 'Enter the code in the format A-000000', wrong: 'You have 4 attempt(s) left.',
    password: 'Password', confirm: 'Confirm the password', create: 'Create my account', hello: 'Hello, Léa',
    voidTitle: 'This invitation is no longer valid', french: 'Français', english: 'English',
    subject: 'Invitation to the Patient Portal / Invitation au portail usager',
    signOut: 'Sign out', next: 'Continue', verification: '6-digit verification code', signIn: 'Sign in',
    codeSubject: /^Your verification code: \d{6}$/,
  },
};

type Lang = 'fr' | 'en';

/** The professional invites a patient and reads the code shown once. */
async function invitePatient(page: Page, language: Lang, javaScript: boolean, patientEmail: string): Promise<string> {
  const t = TEXT[language];
  await page.goto('/staff/patients/new');
  await ready(page, javaScript);
  await checkPage(page, javaScript);
  await page.getByLabel(t.given).fill('Léa');
  await page.getByLabel(t.family).fill('Tremblay');
  await page.getByLabel(t.birth).fill('1990-04-12');
  await page.getByLabel(t.email).fill(patientEmail);
  await page.getByLabel(language === 'fr' ? t.french : t.english).check();
  await page.getByLabel(t.mobile).fill('514 555-0199');
  await page.getByRole('button', { name: t.send }).click();
  await expect(page).toHaveURL(/\/staff\/patients\/code$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.codeTitle);
  const code = (await page.getByTestId('issued-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z]-\d{6}$/);
  await checkPage(page, javaScript);
  return code;
}

const runs: { language: Lang; javaScript: boolean }[] = [
  { language: 'fr', javaScript: true },
  { language: 'en', javaScript: true },
  { language: 'fr', javaScript: false },
];

for (const { language, javaScript } of runs) {
  test.describe(`patient onboarding (${language}, JavaScript ${javaScript ? 'on' : 'off'})`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('professional invites, patient redeems the code and creates the account', async ({ page, browser }) => {
      const t = TEXT[language];
      await signedInAdmin(page, language, 'CLSC des Érables');
      const patientEmail = uniqueEmail('lea');
      const code = await invitePatient(page, language, javaScript, patientEmail);

      await page.goto('/staff/patients');
      await expect(page.getByText('Léa Tremblay', { exact: true })).toBeVisible();
      await expect(page.getByText(t.pending)).toBeVisible();
      await checkPage(page, javaScript);

      // The patient, on their own device.
      const patientContext = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 390, height: 844 } });
      const patient = await patientContext.newPage();
      const mail = await mailTo(patient, patientEmail);
      expect(mail.subject).toBe(t.subject);
      expect(mail.text).not.toContain(code);
      await patient.goto(linkIn(mail.text));
      await ready(patient, javaScript);
      await expect(patient.locator('html')).toHaveAttribute('lang', language);
      await checkPage(patient, javaScript);

      await patient.getByLabel(t.code).fill('12345');
      await patient.getByRole('button', { name: t.continue }).click();
      await expect(patient.getByRole('alert')).toContainText(t.format);
      await expect(patient.getByLabel(t.code)).toHaveValue('12345');

      await patient.getByLabel(t.code).fill(code === 'Z-000000' ? 'Z-111111' : 'Z-000000');
      await patient.getByRole('button', { name: t.continue }).click();
      await expect(patient.getByRole('alert')).toContainText(t.wrong);
      await checkPage(patient, javaScript);

      await patient.getByLabel(t.code).fill(code.toLowerCase().replace('-', ' '));
      await patient.getByRole('button', { name: t.continue }).click();
      await expect(patient).toHaveURL(/\/account$/);
      await ready(patient, javaScript);
      await checkPage(patient, javaScript);
      await patient.getByLabel(t.password, { exact: true }).fill(PASSWORD);
      await patient.getByLabel(t.confirm).fill(PASSWORD);
      // The terms of use, to read in a new tab and accept: refused until the box is ticked.
      await expect(patient.getByRole('link', { name: locale(language, 'terms-read') })).toHaveAttribute('href', '/terms');
      await patient.getByRole('button', { name: t.create }).click();
      await expect(patient.getByRole('alert')).toContainText(locale(language, 'error-terms-required'));
      await patient.getByLabel(t.password, { exact: true }).fill(PASSWORD);
      await patient.getByLabel(t.confirm).fill(PASSWORD);
      await patient.getByLabel(locale(language, 'terms-accept-label')).check();
      await patient.getByRole('button', { name: t.create }).click();
      await expect(patient).toHaveURL(/\/home$/);
      await expect(patient.getByRole('heading', { level: 1 })).toHaveText(t.hello);
      await checkPage(patient, javaScript);

      // The authenticator-app page is reachable from the home page and accessible.
      await patient.goto('/account/authenticator');
      await ready(patient, javaScript);
      await checkPage(patient, javaScript);
      await patient.goto('/home');

      // Next time: password, then a code sent by email, in the patient's language.
      await patient.getByRole('button', { name: t.signOut }).click();
      await expect(patient.getByRole('button', { name: t.signOut })).toHaveCount(0);
      await patient.goto('/sign-in');
      await ready(patient, javaScript);
      await patient.getByLabel(t.email).fill(patientEmail);
      await patient.getByLabel(t.password).fill(PASSWORD);
      await patient.getByRole('button', { name: t.next }).click();
      await expect(patient).toHaveURL(/\/sign-in\/code$/);
      const codeMail = await mailWithSubject(patient, patientEmail, t.codeSubject);
      await patient.getByLabel(t.verification).fill(codeMail.subject.slice(-6));
      await patient.getByRole('button', { name: t.signIn }).click();
      await expect(patient).toHaveURL(/\/home$/);
      await expect(patient.getByRole('heading', { level: 1 })).toHaveText(t.hello);
      await patientContext.close();
    });
  });
}

test('five wrong codes void the invitation and the page says whom to contact', async ({ page, browser }) => {
  const t = TEXT.fr;
  await signedInAdmin(page, 'fr', 'GMF du Parc');
  const patientEmail = uniqueEmail('void');
  const code = await invitePatient(page, 'fr', true, patientEmail);
  const patient = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const mail = await mailTo(patient, patientEmail);
  await patient.goto(linkIn(mail.text));
  await ready(patient, true);
  const wrong = code === 'Z-000000' ? 'Z-111111' : 'Z-000000';
  for (let i = 0; i < 4; i++) {
    await patient.getByLabel(t.code).fill(wrong);
    await patient.getByRole('button', { name: t.continue }).click();
    await expect(patient.getByRole('alert')).toContainText(`Il vous reste ${4 - i} essai(s).`);
  }
  await patient.getByLabel(t.code).fill(wrong);
  await patient.getByRole('button', { name: t.continue }).click();
  await expect(patient.getByRole('heading', { level: 1 })).toHaveText(t.voidTitle);
  await expect(patient.getByText('Communiquez avec votre professionnel')).toBeVisible();
  await checkPage(patient);
});

test('an expired invitation link shows its own page', async ({ page, browser }) => {
  await signedInAdmin(page, 'en', 'Clinique Bellevue');
  const patientEmail = uniqueEmail('expired');
  await invitePatient(page, 'en', true, patientEmail);
  // Issued five days ago (432,000 s): the expiry the server computed has just passed.
  execFileSync('sqlite3', [path.resolve(__dirname, '../.tmp/portail.db'),
    `UPDATE invitations SET created_at = created_at - 432000, expires_at = expires_at - 432000
      WHERE patient_id = (SELECT id FROM patients WHERE email = '${patientEmail}')`]);
  const patient = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const mail = await mailTo(patient, patientEmail);
  await patient.goto(linkIn(mail.text));
  await ready(patient, true);
  await expect(patient.getByRole('heading', { level: 1 })).toHaveText(locale('en', 'invitation-expired-title'));
  await expect(patient.getByText(locale('en', 'invitation-expired-body'))).toBeVisible();
  await checkPage(patient);
});
