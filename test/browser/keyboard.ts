import type { Locator, Page } from 'playwright-core';

// Tab from where the focus is until `target` has it, as a keyboard user goes; fails after `most` presses.
export async function tabTo(page: Page, target: Locator, most = 30): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach the control in ${most} presses`);
}

// How the focused control shows its focus: its outline or its box shadow ('none' when neither).
export function focusRing(target: Locator): Promise<string> {
  return target.evaluate((element) => {
    const style = getComputedStyle(element);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return `outline ${style.outlineWidth}`;
    return style.boxShadow;
  });
}

// The text of what has the focus; empty when nothing has it (the focus fell to the body, whose text is the page's).
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(() =>
    document.activeElement && document.activeElement !== document.body
      ? (document.activeElement.textContent ?? '')
      : '',
  );
}
