import { test, expect } from '@playwright/test';
import { checkPage, ready, t } from './helpers';

for (const javaScript of [true, false]) {
  test.describe(`shell (JavaScript ${javaScript ? 'on' : 'off'})`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('the language toggle changes the text and <html lang>, and is remembered', async ({ page }) => {
      const heading = page.getByRole('heading', { level: 1 });
      await page.goto('/');
      await ready(page, javaScript);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(heading).toHaveText(t('fr', 'home-title'));
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(heading).toHaveText(t('en', 'home-title'));
      await page.getByRole('link', { name: t('en', 'footer-help') }).click();
      await expect(heading).toHaveText(t('en', 'help-title'));
      await page.goto('/contact');
      await expect(heading).toHaveText(t('en', 'contact-title'));
      await page.getByRole('button', { name: 'Français' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(heading).toHaveText(t('fr', 'contact-title'));
    });
  });
}

for (const language of ['fr', 'en'] as const) {
  test(`public pages are accessible and fit 390 px (${language})`, async ({ page }) => {
    const pages: [string, string, number][] = [
      ['/', 'home-title', 200], ['/help', 'help-title', 200], ['/accessibility', 'accessibility-title', 200],
      ['/contact', 'contact-title', 200], ['/sign-in', 'sign-in-title', 200], ['/forgot-password', 'forgot-title', 200],
      ['/nowhere', 'not-found-title', 404],
    ];
    for (const [path, heading, status] of pages) {
      const response = await page.goto(`${path}?lang=${language}`);
      expect(response!.status()).toBe(status);
      await ready(page, true);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(language, heading));
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
  await expect(page.getByRole('link', { name: t('fr', 'skip-to-content') })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: t('fr', 'portal-name') })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'English' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await ready(page, true);

  // On through the page to the footer's links, in order, and into the last one.
  const footer = page.getByRole('navigation', { name: t('en', 'footer-label') });
  const footerLinks = [t('en', 'footer-help'), t('en', 'footer-accessibility'), t('en', 'footer-contact')];
  let presses = 0;
  while (!(await footer.getByRole('link', { name: footerLinks[0] }).evaluate((link) => link === document.activeElement))) {
    await page.keyboard.press('Tab');
    presses += 1;
    expect(presses, 'the footer is reached by Tab').toBeLessThan(40);
  }
  for (const name of footerLinks.slice(1)) {
    await page.keyboard.press('Tab');
    await expect(footer.getByRole('link', { name })).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/contact$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'contact-title'));
});
