import { defineMailTemplate } from '../../mail';

export interface InvitationMailParams {
  name: string;
  link: string;
  validHours: number;
}

export const invitationMail = defineMailTemplate<InvitationMailParams>('invitation', {
  fi: (p) => ({
    subject: 'Kutsu Kokemus-palveluun',
    text: [
      `Hei ${p.name},`,
      '',
      'sinut on kutsuttu Pohjanmaan hyvinvointialueen Kokemus-palveluun, jossa kokemusosaajien toimeksiannot sovitaan.',
      `Aseta salasanasi tästä linkistä ${p.validHours} tunnin kuluessa:`,
      p.link,
      '',
      'Linkki toimii vain kerran. Jos et odottanut tätä viestiä, voit jättää sen huomiotta.',
      '',
      'Pohjanmaan hyvinvointialue',
    ].join('\n'),
  }),
  sv: (p) => ({
    subject: 'Inbjudan till tjänsten Kokemus',
    text: [
      `Hej ${p.name},`,
      '',
      'du har blivit inbjuden till Österbottens välfärdsområdes tjänst Kokemus, där uppdrag för erfarenhetsexperter avtalas.',
      `Välj ditt lösenord via länken inom ${p.validHours} timmar:`,
      p.link,
      '',
      'Länken fungerar bara en gång. Om du inte väntade dig det här meddelandet kan du lämna det utan åtgärd.',
      '',
      'Österbottens välfärdsområde',
    ].join('\n'),
  }),
  en: (p) => ({
    subject: 'Invitation to Kokemus',
    text: [
      `Hello ${p.name},`,
      '',
      'You have been invited to Kokemus, the Ostrobothnia wellbeing services county service for booking experts by experience.',
      `Set your password with this link within ${p.validHours} hours:`,
      p.link,
      '',
      'The link works once. If you did not expect this message, you can ignore it.',
      '',
      'Ostrobothnia wellbeing services county',
    ].join('\n'),
  }),
});
