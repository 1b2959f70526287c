import fi from '../../web/src/i18n/fi.json';
import sv from '../../web/src/i18n/sv.json';

// The texts and dates of the browser specs: the web app's texts filled in, days, Helsinki dates, the sign-in form.

// The web app's texts in the languages the browser specs go through.
export const TEXTS = { fi, sv };
export type Texts = typeof fi;

export const DAY = 24 * 3_600_000;
// A text of the web app with its {{placeholders}} filled in.
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
// The date (YYYY-MM-DD) in Helsinki at that moment.
export const helsinkiDate = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(at);

// The labels of the sign-in form in a language of the web app.
export const signInLabels = (text: { fields: { email: string; password: string }; signIn: { submit: string } }) => ({
  email: text.fields.email,
  password: text.fields.password,
  submit: text.signIn.submit,
});
// The date (YYYY-MM-DD) in Helsinki `days` days from now (before now if negative).
export const helsinkiDateIn = (days: number) => helsinkiDate(new Date(Date.now() + days * DAY));
