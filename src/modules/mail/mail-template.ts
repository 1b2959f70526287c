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
}

export function defineMailTemplate<P>(name: string, render: Translations<(params: P) => MailContent>): MailTemplate<P> {
  return { name, render };
}
