import { Translations } from '../../common/i18n/language';

// How every mail ends: the county's name in the mail's language.
export const SIGN: Translations<string> = {
  fi: 'Pohjanmaan hyvinvointialue',
  sv: 'Österbottens välfärdsområde',
  en: 'Ostrobothnia wellbeing services county',
};

export interface MailContent {
  subject: string;
  text: string;
}

// Every template is written in all three languages; the type refuses one that is not.
export interface MailTemplate<P> {
  name: string;
  render: Translations<(params: P) => MailContent>;
  // The web app's page where the recipient acts on the mail or follows its matter ('/offers', or one matter's own
  // page from the mail's params); the mail ends with a link to it (after signing in, the app returns there).
  page?: string | ((params: P) => string);
}

export function defineMailTemplate<P>(
  name: string,
  render: Translations<(params: P) => MailContent>,
  page?: string | ((params: P) => string),
): MailTemplate<P> {
  return { name, render, page };
}

// The line that ends a mail with a page: where to go next.
export const OPEN_PAGE: Translations<string> = {
  fi: 'Avaa palvelu',
  sv: 'Öppna tjänsten',
  en: 'Open the service',
};
