import { defineMailTemplate } from '../../mail';

export interface PasswordResetMailParams {
  name: string;
  link: string;
  validMinutes: number;
}

export const passwordResetMail = defineMailTemplate<PasswordResetMailParams>('password_reset', {
  fi: (p) => ({
    subject: 'Kokemus-palvelun salasanan vaihtaminen',
    text: [
      `Hei ${p.name},`,
      '',
      'joku – toivottavasti sinä – pyysi uutta salasanaa Pohjanmaan hyvinvointialueen Kokemus-palveluun.',
      `Valitse uusi salasana tästä linkistä ${p.validMinutes} minuutin kuluessa:`,
      p.link,
      '',
      'Linkki toimii vain kerran. Kun salasana vaihtuu, kaikki kirjautumisesi päättyvät.',
      'Jos et pyytänyt uutta salasanaa, voit jättää tämän viestin huomiotta: nykyinen salasanasi pysyy voimassa.',
      '',
      'Pohjanmaan hyvinvointialue',
    ].join('\n'),
  }),
  sv: (p) => ({
    subject: 'Byte av lösenord i tjänsten Kokemus',
    text: [
      `Hej ${p.name},`,
      '',
      'någon – förhoppningsvis du – har bett om ett nytt lösenord till Österbottens välfärdsområdes tjänst Kokemus.',
      `Välj ett nytt lösenord via länken inom ${p.validMinutes} minuter:`,
      p.link,
      '',
      'Länken fungerar bara en gång. När lösenordet byts avslutas alla dina inloggningar.',
      'Om du inte bad om ett nytt lösenord kan du lämna meddelandet utan åtgärd: ditt nuvarande lösenord gäller fortfarande.',
      '',
      'Österbottens välfärdsområde',
    ].join('\n'),
  }),
  en: (p) => ({
    subject: 'Resetting your Kokemus password',
    text: [
      `Hello ${p.name},`,
      '',
      'Someone – hopefully you – asked for a new password for Kokemus, the Ostrobothnia wellbeing services county service.',
      `Choose a new password with this link within ${p.validMinutes} minutes:`,
      p.link,
      '',
      'The link works once. When the password changes, all your sign-ins end.',
      'If you did not ask for a new password, you can ignore this message: your current password stays valid.',
      '',
      'Ostrobothnia wellbeing services county',
    ].join('\n'),
  }),
});
