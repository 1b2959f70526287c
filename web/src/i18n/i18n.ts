import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { Language, preferredLanguage } from './languages';

// Each language's texts are a chunk of their own, fetched when the language is first used: a person downloads
// the one they read, not all three (the first screen's JavaScript stays small on a phone).
const BUNDLES: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  fi: () => import('./fi.json'),
  sv: () => import('./sv.json'),
  en: () => import('./en.json'),
};

const lazyBundles: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = BUNDLES[language as Language];
    if (!load) return callback(null, {});
    load().then(
      (bundle) => callback(null, bundle.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

// Resolves once the texts of the language are here: the app renders after it. changeLanguage fetches a
// language's texts before switching to it.
export async function initI18n(language: Language = preferredLanguage()) {
  await i18next
    .use(lazyBundles)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: false,
      ns: ['translation'],
      defaultNS: 'translation',
      // React escapes what it renders.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}
