import i18next from 'i18next';
import en from './en.json';
import fi from './fi.json';
import sv from './sv.json';
import { languageName, WORK_LANGUAGES } from './language-names';

describe('language names', () => {
  const t = (language: 'fi' | 'sv' | 'en') => {
    const instance = i18next.createInstance();
    void instance.init({
      lng: language,
      resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
      initImmediate: false,
      showSupportNotice: false,
    });
    return instance.t;
  };

  it('names every work language in each language from the texts, Northern Sami included', () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      for (const code of WORK_LANGUAGES) expect(languageName(t(language), language, code)).not.toBe(code);
    }
    expect(languageName(t('fi'), 'fi', 'se')).toBe('pohjoissaame');
    expect(languageName(t('sv'), 'sv', 'se')).toBe('nordsamiska');
    expect(languageName(t('en'), 'en', 'se')).toBe('Northern Sami');
  });

  it('names another language as the browser does, and a code it does not know as the code', () => {
    expect(languageName(t('sv'), 'sv', 'it')).toBe('italienska');
    expect(languageName(t('fi'), 'fi', 'qq')).toBe('qq');
  });
});
