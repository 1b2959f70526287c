import type { TFunction } from 'i18next';
import type { Language } from './languages';

// The languages experts here are likely to work in, in the order the profile offers them.
export const WORK_LANGUAGES = ['fi', 'sv', 'en', 'se', 'et', 'ru', 'uk', 'ar', 'so', 'fa', 'ku', 'fr', 'de', 'es'];

// A language's name for a person reading `language`: the work languages from the texts (browsers lack some: Chromium
// has no name for Northern Sami and shows "se"), any other ISO 639-1 code by the browser's own name, else the code.
export function languageName(t: TFunction, language: Language, code: string): string {
  const named = t(`languageNames.${code}`, { defaultValue: '' });
  if (named) return named;
  const browsers = new Intl.DisplayNames([language], { type: 'language', fallback: 'none' }).of(code);
  return browsers ?? code;
}
