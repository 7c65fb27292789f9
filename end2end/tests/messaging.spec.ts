import { test, expect } from '@playwright/test';
import { checkPage, ready, signedInAdmin, mailWithSubject, linkIn, patientAccount, caregiverAccount, t } from './helpers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

type Lang = 'fr' | 'en';

const runs: { language: Lang; javaScript: boolean; width: number }[] = [
  { language: 'fr', javaScript: false, width: 390 },
  { language: 'en', javaScript: true, width: 1280 },
];

for (const { language, javaScript, width } of runs) {
  test.describe(`secure messaging (${language}, JavaScript ${javaScript ? 'on' : 'off'}, staff at ${width} px)`, () => {
    test.use({ javaScriptEnabled: javaScript, viewport: { width, height: 900 } });

    test('a professional writes, the patient gets the email, reads and replies; replies turned off are explained', async ({ page, browser }) => {
      await signedInAdmin(page, language, 'Clinique des Érables');

      // The administrator creates a care team and joins it.
      await page.goto('/staff/teams');
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await page.getByLabel(t(language, 'team-name')).fill('Cardiologie');
      await page.getByLabel(t(language, 'team-phone')).fill('514 555 0199');
      await page.getByRole('button', { name: t(language, 'teams-create') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cardiologie');
      await ready(page, javaScript);
      await page.getByRole('button', { name: t(language, 'team-member-add'), exact: true }).click();
      await expect(page.getByTestId('team-members')).toHaveCount(1);
      await checkPage(page, javaScript);

      // A patient the administrator invites follows the administrator's team.
      const { patient, email } = await patientAccount(page, browser, language, javaScript);
      await page.goto('/staff/patients?q=' + encodeURIComponent(email));
      await ready(page, javaScript);
      await page.getByRole('link', { name: 'Léa Tremblay' }).click();
      await expect(page.getByTestId('file-teams')).toContainText('Cardiologie');
      const patientId = page.url().match(/\/staff\/patients\/(\d+)/)![1];
      await ready(page, javaScript);
      await page.getByRole('link', { name: t(language, 'conversation-new-title') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(language, 'conversation-new-heading', { patient: 'Léa Tremblay' }));
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      // Sent empty first: the message is next to its field and the subject typed is kept.
      await page.getByLabel(t(language, 'message-subject')).fill('Résultats');
      await page.getByRole('button', { name: t(language, 'message-send') }).click();
      await expect(page.locator('#body-error')).toHaveText(t(language, 'error-message-required'));
      await expect(page.getByLabel(t(language, 'message-subject'))).toHaveValue('Résultats');
      await page.getByLabel(t(language, 'message-body'), { exact: true }).fill('Vos résultats sont arrivés. Pouvez-vous confirmer le rendez-vous?');
      // The first message carries the instructions as a PDF.
      await page.getByLabel(t(language, 'message-files')).setInputFiles({ name: 'consignes.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: t(language, 'message-send') }).click();
      await expect(page).toHaveURL(/\/staff\/conversations\/\d+$/);
      await expect(page.getByTestId('thread')).toContainText('Vos résultats sont arrivés');
      await expect(page.getByTestId('thread').getByRole('link', { name: 'consignes.pdf' })).toBeVisible();
      const conversation = page.url();
      // The professional moves on: with the conversation left open, its page would show (and so
      // mark as read) the patient's reply within seconds.
      await page.goto('/staff');

      // The patient's email says only that a message waits, and links to it.
      const mail = await mailWithSubject(patient, email, new RegExp(t(language, 'mail-new-message-subject')));
      expect(mail.text).not.toContain('Vos résultats');
      await patient.goto(linkIn(mail.text));
      await ready(patient, javaScript);
      await expect(patient.getByRole('heading', { level: 1 })).toHaveText('Résultats');
      await expect(patient.getByTestId('thread')).toContainText(t(language, 'message-new'));
      await expect(patient.getByTestId('thread').getByRole('link', { name: 'consignes.pdf' })).toBeVisible();
      await checkPage(patient, javaScript);
      // A text file named .pdf is refused next to the file field; the reply typed is kept.
      const files = patient.getByLabel(t(language, 'message-files'));
      await patient.getByLabel(t(language, 'reply-label')).fill('Oui, je serai là.');
      await files.setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('hello') });
      await patient.getByRole('button', { name: t(language, 'message-send') }).click();
      await expect(patient.locator('#files-error')).toHaveText(t(language, 'error-attachment-type'));
      await expect(patient.getByLabel(t(language, 'reply-label'))).toHaveValue('Oui, je serai là.');
      // With the real PDF, the reply goes with its file.
      await patient.getByLabel(t(language, 'message-files')).setInputFiles({ name: 'resultat.pdf', mimeType: 'application/pdf', buffer: PDF });
      await patient.getByRole('button', { name: t(language, 'message-send') }).click();
      await expect(patient.getByTestId('thread')).toContainText('Oui, je serai là.');
      await expect(patient.getByTestId('thread').getByRole('link', { name: 'resultat.pdf' })).toBeVisible();
      await expect(patient.getByLabel(t(language, 'reply-label'))).toHaveValue('');
      await expect(patient.locator('#files-error')).toHaveCount(0);

      // The list, newest first.
      await patient.goto('/messages');
      await ready(patient, javaScript);
      await expect(patient.getByTestId('conversations')).toContainText('Résultats');
      await checkPage(patient, javaScript);
      // Back on the conversation, left open while the team writes.
      await patient.getByRole('link', { name: 'Résultats' }).click();
      await ready(patient, javaScript);
      await expect(patient.getByTestId('thread')).toContainText('Oui, je serai là.');

      // The team inbox counts it unread for the administrator; the reply is there.
      await page.goto('/staff/inbox?filter=unread');
      await ready(page, javaScript);
      await expect(page.getByTestId('conversations')).toContainText('Léa Tremblay');
      await checkPage(page, javaScript);
      // A caregiver whose grant covers messages reads the conversation and writes in it, in their own name.
      const { caregiver, grant } = await caregiverAccount(page, browser, language, javaScript, patientId);
      await caregiver.goto(`/for/${grant}/messages`);
      await ready(caregiver, javaScript);
      await caregiver.getByRole('link', { name: 'Résultats' }).click();
      await expect(caregiver.getByTestId('thread')).toContainText('Oui, je serai là.');
      await ready(caregiver, javaScript);
      await checkPage(caregiver, javaScript);
      await caregiver.getByLabel(t(language, 'reply-label')).fill('Je l’accompagnerai.');
      await caregiver.getByRole('button', { name: t(language, 'message-send') }).click();
      await expect(caregiver.getByTestId('thread')).toContainText('Je l’accompagnerai.');
      await caregiver.context().close();

      await page.goto(conversation);
      await ready(page, javaScript);
      await expect(page.getByTestId('thread')).toContainText('Oui, je serai là.');
      await expect(page.getByTestId('thread')).toContainText(t(language, 'message-author-caregiver', { name: 'Marie Gagnon', patient: 'Léa Tremblay' }));
      await checkPage(page, javaScript);
      // The patient's file downloads as a file, never shown in the page.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('thread').getByRole('link', { name: 'resultat.pdf' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('resultat.pdf');
      // Next message with replies off: the patient sees why there is no reply box, and whom to call.
      await page.getByLabel(t(language, 'reply-label')).fill('Nous vous attendons.');
      await page.getByLabel(t(language, 'message-replies-allowed')).uncheck();
      await page.getByRole('button', { name: t(language, 'message-send') }).click();
      await expect(page.getByTestId('thread')).toContainText('Nous vous attendons.');

      if (javaScript) {
        // The open page shows the new message within 10 seconds, without being reloaded.
        await expect(patient.getByTestId('thread')).toContainText('Nous vous attendons.', { timeout: 10_000 });
      } else {
        await patient.reload();
      }
      await expect(patient.getByTestId('no-reply')).toHaveText(t(language, 'replies-off-explained-phone', { phone: '514-555-0199' }));
      await expect(patient.getByLabel(t(language, 'reply-label'))).toHaveCount(0);
      await checkPage(patient, javaScript);
      await patient.context().close();
    });
  });
}
