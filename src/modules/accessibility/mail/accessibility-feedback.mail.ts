import { defineMailTemplate } from '../../mail';

export interface AccessibilityFeedbackMailParams {
  id: string;
  message: string;
  name: string | null;
  email: string | null;
  page: string | null;
  language: string | null;
}

const or = (value: string | null, none: string) => value ?? none;

// To the coordinator's mailbox. The law on digital services (306/2019) asks for an answer within 14 days.
export const accessibilityFeedbackMail = defineMailTemplate<AccessibilityFeedbackMailParams>('accessibility_feedback', {
  fi: (p) => ({
    subject: 'Saavutettavuuspalaute Kokemus-palvelusta',
    text: [
      'Kokemus-palveluun on tullut saavutettavuuspalautetta.',
      '',
      `Sivu: ${or(p.page, 'ei kerrottu')}`,
      `Lähettäjä: ${or(p.name, 'ei kerrottu')}`,
      `Sähköposti: ${or(p.email, 'ei kerrottu')}`,
      `Kieli: ${or(p.language, 'ei kerrottu')}`,
      '',
      p.message,
      '',
      'Vastaa lähettäjälle 14 päivän kuluessa, jos hän antoi yhteystietonsa.',
      `Palautteen tunniste: ${p.id}`,
    ].join('\n'),
  }),
  sv: (p) => ({
    subject: 'Respons om tillgängligheten i tjänsten Kokemus',
    text: [
      'Tjänsten Kokemus har fått respons om tillgängligheten.',
      '',
      `Sida: ${or(p.page, 'inte angiven')}`,
      `Avsändare: ${or(p.name, 'inte angiven')}`,
      `E-post: ${or(p.email, 'inte angiven')}`,
      `Språk: ${or(p.language, 'inte angivet')}`,
      '',
      p.message,
      '',
      'Svara avsändaren inom 14 dagar om hen har lämnat sina kontaktuppgifter.',
      `Responsens id: ${p.id}`,
    ].join('\n'),
  }),
  en: (p) => ({
    subject: 'Accessibility feedback on Kokemus',
    text: [
      'Kokemus has received feedback on its accessibility.',
      '',
      `Page: ${or(p.page, 'not given')}`,
      `Sender: ${or(p.name, 'not given')}`,
      `E-mail: ${or(p.email, 'not given')}`,
      `Language: ${or(p.language, 'not given')}`,
      '',
      p.message,
      '',
      'Answer the sender within 14 days if they left their contact details.',
      `Feedback id: ${p.id}`,
    ].join('\n'),
  }),
});
