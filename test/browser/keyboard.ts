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

// Waits until the focus is on an element whose text holds `words` (an action's outcome taking the focus); fails when
// it stays elsewhere, e.g. fallen to the body.
export async function expectFocusOn(page: Page, words: string, timeout = 5_000): Promise<void> {
  await page.waitForFunction(
    (w) =>
      !!document.activeElement &&
      document.activeElement !== document.body &&
      (document.activeElement.textContent ?? '').includes(w),
    words,
    { timeout },
  );
}

// A refusal of one field, shown as the form's own checks show theirs: the error summary, with the focus, links to
// the field in the refusal's words, and the field is marked invalid with the same words as its description.
export async function expectFieldRefused(
  page: Page,
  summaryHeading: string,
  field: Locator,
  words: string,
): Promise<void> {
  const heading = page.getByRole('heading', { name: summaryHeading });
  await heading.waitFor();
  await page.getByRole('link', { name: words, exact: true }).waitFor();
  await expect(heading.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
  const description = await field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' '),
  );
  expect(description).toContain(words);
}

// A value that the API refuses at its field (taken, wrong): typed, sent with `send`, then refused in the error
// summary and at the field in the `words` of its code, the value kept.
export async function expectRefusedAtField(
  page: Page,
  summaryHeading: string,
  typed: { field: Locator; value: string; send: Locator },
  words: string,
): Promise<void> {
  await typed.field.fill(typed.value);
  await typed.send.click();
  await expectFieldRefused(page, summaryHeading, typed.field, words);
  await expect(typed.field.inputValue()).resolves.toBe(typed.value);
}
