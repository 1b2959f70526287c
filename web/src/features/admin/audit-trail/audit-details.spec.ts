import i18next, { type TFunction } from 'i18next';
import en from '../../../i18n/en.json';
import fi from '../../../i18n/fi.json';
import sv from '../../../i18n/sv.json';
import type { Language } from '../../../i18n/languages';
import { tokenRejectionText } from './audit-details';
import { TokenRejection } from '../../../../../src/common/auth/token-rejection';

async function translator(language: Language): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    showSupportNotice: false,
    interpolation: { escapeValue: false },
    resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
  });
  return instance.t;
}

const refused = (details: Record<string, unknown>) => ({ action: 'auth.token_rejected', details });

// The details of a refused token as the API stores them (jsonb, its keys in its own order), read by the admin.
describe('a refused token in the audit trail', () => {
  it.each([
    ['fi', 'Virheellinen allekirjoitus, kerran', 'Vanhentunut, 49 kertaa ti 2.2.2027 klo 10.00 alkaen'],
    ['sv', 'Ogiltig signatur, en gång', 'Har gått ut, 49 gånger sedan tis 2.2.2027 kl. 10.00'],
    ['en', 'Invalid signature, once', 'Expired, 49 times since Tue 2.2.2027 at 10.00'],
  ] as const)(
    'in %s, says the reason first in words, then how often and since when',
    async (language, once, counted) => {
      const t = await translator(language);
      expect(tokenRejectionText(t, language, refused({ count: 1, reason: 'bad_signature' }))).toBe(once);
      const since = '2027-02-02T08:00:00.000Z';
      expect(tokenRejectionText(t, language, refused({ count: 49, reason: 'expired', since }))).toBe(counted);
    },
  );

  it('has words of its own for every reason the API gives, in every language', async () => {
    // The API's own list: a reason added there fails here until the screen has words for it.
    const reasons: string[] = Object.values(TokenRejection);
    for (const language of ['fi', 'sv', 'en'] as const) {
      const t = await translator(language);
      const texts = reasons.map((reason) => tokenRejectionText(t, language, refused({ reason, count: 2 })));
      expect(new Set(texts).size).toBe(reasons.length);
      expect(texts.filter((text) => text === null || text.includes('reason') || text.includes('_'))).toEqual([]);
    }
  });

  it('leaves any other row, and a reason it has no words for yet, to the details as they are', async () => {
    const t = await translator('fi');
    expect(tokenRejectionText(t, 'fi', { action: 'user.invited', details: { reason: 'expired', count: 1 } })).toBe(
      null,
    );
    expect(tokenRejectionText(t, 'fi', refused({ reason: 'something_new', count: 1 }))).toBe(null);
  });
});
