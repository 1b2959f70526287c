import { Translations } from '../../common/i18n/language';

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
