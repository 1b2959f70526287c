import type { Page } from 'playwright-core';
import { expectPage } from './browser';

// The main menu of the web app.

type MenuTexts = { app: { navigationExpand: string; mainNavigation: string } };

// To a page through the main menu as a person goes at desktop width: its link `label`, then the page's h1 `title`.
export async function viaMenu(page: Page, text: MenuTexts, label: string, title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: text.app.mainNavigation })
    .getByRole('link', { name: label, exact: true })
    .click();
  await expectPage(page, title);
}

// The same at any width: on a phone the menu opens from its button first.
export async function viaMenuAnyWidth(page: Page, text: MenuTexts, label: string, title: string): Promise<void> {
  const expand = page.getByRole('button', { name: text.app.navigationExpand });
  if ((await expand.isVisible()) && (await expand.getAttribute('aria-expanded')) !== 'true') await expand.click();
  await viaMenu(page, text, label, title);
}
