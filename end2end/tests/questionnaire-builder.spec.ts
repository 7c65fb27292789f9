import { test, expect, Page } from '@playwright/test';
import { checkPage, ready, signedInAdmin, t } from './helpers';

/** Adds a question from the builder's "Add a question" form. */
async function addQuestion(page: Page, javaScript: boolean, kind: string, fr: string, en: string, more: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {}) {
  await ready(page, javaScript);
  const form = page.locator('#add');
  await form.getByLabel(t('fr', 'builder-kind-label')).selectOption({ label: t('fr', kind) });
  await form.getByLabel(t('fr', 'builder-text-fr')).fill(fr);
  await form.getByLabel(t('fr', 'builder-text-en')).fill(en);
  await more(form);
  await form.getByRole('button', { name: t('fr', 'builder-add-submit') }).click();
}

/** The questions of the first section, in order. */
function questions(page: Page) {
  return page.locator('#items li.builder-item li.builder-item > .builder-item-text strong');
}

for (const javaScript of [true, false]) {
  test.describe(`questionnaire builder (JavaScript ${javaScript ? 'on' : 'off'})`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('an administrator builds a questionnaire: questions, a condition, moves, refusals that keep what was typed, a preview, publishing and archiving', async ({ page }) => {
      await signedInAdmin(page, 'fr', 'Clinique du Parc');
      await page.goto('/staff/questionnaires/library');
      await ready(page, javaScript);
      await checkPage(page, javaScript);

      // A title in French only: refused on the English one, the French one kept.
      await page.getByLabel(t('fr', 'builder-title-fr')).fill('Suivi de la douleur');
      await page.getByRole('button', { name: t('fr', 'library-new-submit') }).click();
      await expect(page.locator('#title_en-error')).toHaveText(t('fr', 'error-builder-text-required'));
      await expect(page.getByLabel(t('fr', 'builder-title-fr'))).toHaveValue('Suivi de la douleur');
      await ready(page, javaScript);
      await page.getByLabel(t('fr', 'builder-title-en')).fill('Pain follow-up');
      await page.getByRole('button', { name: t('fr', 'library-new-submit') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Suivi de la douleur');
      await ready(page, javaScript);
      await checkPage(page, javaScript);

      await addQuestion(page, javaScript, 'builder-kind-yes-no', 'Avez-vous mal ?', 'Are you in pain?', async (form) => {
        await form.getByLabel(t('fr', 'builder-required'), { exact: true }).check();
      });
      await expect(questions(page)).toHaveText(['Avez-vous mal ?']);
      await expect(page.getByTestId('builder-status')).toHaveText(t('fr', 'builder-saved'));
      await addQuestion(page, javaScript, 'builder-kind-scale', 'Intensité', 'Intensity', async (form) => {
        await form.getByLabel(t('fr', 'builder-low-fr')).fill('Aucune douleur');
        await form.getByLabel(t('fr', 'builder-low-en')).fill('No pain');
        await form.getByLabel(t('fr', 'builder-high-fr')).fill('Pire douleur');
        await form.getByLabel(t('fr', 'builder-high-en')).fill('Worst pain');
        await form.getByLabel(t('fr', 'builder-when-question')).selectOption({ label: 'Avez-vous mal ?' });
        await form.getByLabel(t('fr', 'builder-when-operator')).selectOption({ label: t('fr', 'builder-op-equals') });
        await form.getByLabel(t('fr', 'builder-when-answer'), { exact: true }).fill('oui');
      });
      await expect(page.getByTestId('builder-items')).toContainText(
        t('fr', 'builder-shown-when', { question: 'Avez-vous mal ?', operator: t('fr', 'builder-op-equals'), answer: 'oui' }));

      // Answers written wrong: the line is named, everything typed stays.
      const options = 'Bien | Good\nMal';
      await addQuestion(page, javaScript, 'builder-kind-choice', 'Humeur', 'Mood', async (form) => {
        await form.getByLabel(t('fr', 'builder-options'), { exact: true }).fill(options);
      });
      await expect(page.locator('#options-error')).toHaveText(t('fr', 'error-builder-option-line', { line: '2' }));
      await expect(page.locator('#add').getByLabel(t('fr', 'builder-options'), { exact: true })).toHaveValue(options);
      await expect(page.locator('#add').getByLabel(t('fr', 'builder-text-fr'))).toHaveValue('Humeur');
      await checkPage(page, javaScript);
      await ready(page, javaScript);
      await page.locator('#add').getByLabel(t('fr', 'builder-options'), { exact: true }).fill('Bien | Good | 0\nMal | Bad | 1');
      await page.locator('#add').getByRole('button', { name: t('fr', 'builder-add-submit') }).click();
      await expect(questions(page)).toHaveText(['Avez-vous mal ?', 'Intensité', 'Humeur']);

      // Moved up; the question a condition looks at cannot go.
      await ready(page, javaScript);
      await page.getByRole('button', { name: `${t('fr', 'builder-move-up')} « Humeur »` }).click();
      await expect(questions(page)).toHaveText(['Avez-vous mal ?', 'Humeur', 'Intensité']);
      await ready(page, javaScript);
      await page.getByRole('button', { name: `${t('fr', 'builder-remove')} « Avez-vous mal ? »` }).click();
      await expect(page.getByRole('alert')).toContainText(t('fr', 'error-builder-depended-on', { item: 'q2' }));
      await expect(questions(page)).toHaveText(['Avez-vous mal ?', 'Humeur', 'Intensité']);

      // Edited in place.
      await ready(page, javaScript);
      await page.getByRole('link', { name: `${t('fr', 'builder-edit')} « Humeur »` }).click();
      await expect(page.getByRole('heading', { name: t('fr', 'builder-edit-title'), exact: true })).toBeVisible();
      const edit = page.locator('#edit');
      await expect(edit.getByLabel(t('fr', 'builder-options'), { exact: true })).toHaveValue('Bien | Good | 0\nMal | Bad | 1');
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await edit.getByLabel(t('fr', 'builder-text-fr')).fill('Votre humeur aujourd’hui');
      await edit.getByRole('button', { name: t('fr', 'builder-save-item') }).click();
      await expect(questions(page)).toHaveText(['Avez-vous mal ?', 'Votre humeur aujourd’hui', 'Intensité']);

      // The preview, as a patient sees it.
      await ready(page, javaScript);
      await page.getByRole('link', { name: t('fr', 'builder-preview') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Suivi de la douleur');
      await expect(page.getByRole('radiogroup', { name: /Intensité/ })).toBeVisible();
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await page.getByRole('link', { name: t('fr', 'builder-back') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Suivi de la douleur');

      // Published: in the library, version 1; archived, then brought back.
      await ready(page, javaScript);
      await page.getByRole('button', { name: t('fr', 'builder-publish'), exact: true }).click();
      await expect(page.getByTestId('imported')).toHaveText(t('fr', 'library-imported', { title: 'Suivi de la douleur', version: '1' }));
      const card = page.getByTestId('library').locator('li.card').filter({ hasText: 'Suivi de la douleur' });
      await expect(card).toBeVisible();
      await ready(page, javaScript);
      await card.getByRole('button', { name: `${t('fr', 'library-archive')} « Suivi de la douleur »` }).click();
      await expect(page.getByTestId('archived')).toContainText('Suivi de la douleur');
      await expect(page.getByTestId('library')).not.toContainText('Suivi de la douleur');
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await page.getByRole('button', { name: `${t('fr', 'library-restore')} « Suivi de la douleur »` }).click();
      await expect(page.getByTestId('library')).toContainText('Suivi de la douleur');
    });
  });
}
