import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { session } from '../api/session';
import { useSession } from '../api/use-session';
import { useAnnounce } from '../components/announcer';
import { LanguageMenu, LanguageMenuItem } from '../components/suomifi';
import { isLanguage, type Language, LANGUAGES, storedLanguage, storeLanguage } from '../i18n/languages';

const saveToAccount = (language: Language) => call(api.PATCH('/api/me', { body: { language } })).catch(() => undefined);

// On sign-in: a language chosen in this browser wins and is saved to the account (the person just read the
// sign-in page in it); with no choice made here, the account's language is used.
export function useAccountLanguage(): void {
  const { i18n } = useTranslation();
  const state = useSession();
  const user = state.status === 'signedIn' ? state.user : undefined;
  useEffect(() => {
    if (!user) return;
    const chosen = storedLanguage();
    if (!chosen) {
      if (isLanguage(user.language) && user.language !== i18n.language) void i18n.changeLanguage(user.language);
    } else if (chosen !== user.language) {
      session.updateUser({ ...user, language: chosen });
      void saveToAccount(chosen);
    }
  }, [user, i18n]);
}

// On every page, signed in or not. The choice is kept in this browser, and saved to the account once signed
// in (mail and documents are then written in it).
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const state = useSession();
  const announce = useAnnounce();
  const current = i18n.language as Language;

  const choose = async (language: Language) => {
    storeLanguage(language);
    await i18n.changeLanguage(language);
    announce(t('language.changed', { lng: language }));
    if (state.status === 'signedIn' && state.user.language !== language) {
      session.updateUser({ ...state.user, language });
      // A failure here leaves the screen in the chosen language; the account keeps the old one until next time.
      await saveToAccount(language);
    }
  };

  return (
    <LanguageMenu
      buttonText={current.toUpperCase()}
      aria-label={t('language.menuLabel', { current: t(`language.${current}`) })}
    >
      {LANGUAGES.map((language) => (
        <LanguageMenuItem
          key={language}
          lang={language}
          selected={language === current}
          onSelect={() => void choose(language)}
        >
          {t(`language.${language}`)}
        </LanguageMenuItem>
      ))}
    </LanguageMenu>
  );
}
