import { test, expect } from '@playwright/test';
import { checkPage, ready } from './helpers';

for (const javaScript of [true, false]) {
  test.describe(`shell (JavaScript ${javaScript ? 'on' : 'off'})`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('the language toggle changes the text and <html lang>, and is remembered', async ({ page }) => {
      await page.goto('/');
      await ready(page, javaScript);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue sur le portail usager');
      await page.getByRole('link', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to the Patient Portal');
      await page.getByRole('link', { name: 'Help' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help');
      await page.goto('/contact');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact us');
      await page.getByRole('link', { name: 'Français' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nous joindre');
    });
  });
}

for (const language of ['fr', 'en'] as const) {
  test(`public pages are accessible and fit 390 px (${language})`, async ({ page }) => {
    const pages: [string, string, number][] = language === 'fr'
      ? [['/', 'Bienvenue sur le portail usager', 200], ['/help', 'Aide', 200], ['/accessibility', 'Accessibilité', 200],
         ['/contact', 'Nous joindre', 200], ['/sign-in', 'Connexion', 200], ['/forgot-password', 'Mot de passe oublié', 200],
         ['/nowhere', 'Page introuvable', 404]]
      : [['/', 'Welcome to the Patient Portal', 200], ['/help', 'Help', 200], ['/accessibility', 'Accessibility', 200],
         ['/contact', 'Contact us', 200], ['/sign-in', 'Sign in', 200], ['/forgot-password', 'Forgot password', 200],
         ['/nowhere', 'Page not found', 404]];
    for (const [path, heading, status] of pages) {
      const response = await page.goto(`${path}?lang=${language}`);
      expect(response!.status()).toBe(status);
      await ready(page, true);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await checkPage(page);
    }
    await page.goto(`/contact?lang=${language}`);
    await expect(page.getByText('1 833 564-0404')).toBeVisible();
  });
}

test('the keyboard alone reaches the skip link, the toggle and the footer', async ({ page }) => {
  await page.goto('/?lang=fr');
  await ready(page, true);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu principal' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Portail usager' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'English' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
