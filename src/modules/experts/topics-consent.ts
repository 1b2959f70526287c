import { Translations } from '../../common/i18n/language';

// The text an expert accepts before their topics are shown to orderers. A new wording gets a new version.
export const TOPICS_CONSENT_VERSION = 'topics-v1';

export const TOPICS_CONSENT_TEXT: Translations<string> = {
  fi: 'Annan suostumukseni siihen, että valitsemani kokemusaiheet näytetään tilaajalle, kun olen hyväksynyt toimeksiannon. Voin muuttaa tai poistaa aiheet milloin tahansa.',
  sv: 'Jag samtycker till att de erfarenhetsområden jag valt visas för beställaren när jag har tackat ja till ett uppdrag. Jag kan ändra eller ta bort dem när som helst.',
  en: 'I consent to the experience topics I have chosen being shown to the orderer once I have accepted an assignment. I can change or remove them at any time.',
};
