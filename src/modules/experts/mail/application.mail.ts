import { InvitationMailParams } from '../../auth';
import { defineMailTemplate } from '../../mail';

// Sent to a person who applied through the public sign-up: verifying the address and setting a password is one step.
export const applicationMail = defineMailTemplate<InvitationMailParams>('expert-application', {
  fi: (p) => ({
    subject: 'Vahvista sähköpostiosoitteesi – Kokemus',
    text: [
      `Hei ${p.name},`,
      '',
      'kiitos, että haluat toimia kokemusosaajana Pohjanmaan hyvinvointialueella.',
      `Vahvista sähköpostiosoitteesi ja aseta salasana tästä linkistä ${p.validHours} tunnin kuluessa:`,
      p.link,
      '',
      'Sen jälkeen voit täydentää profiilisi ja lisätä koulutustodistuksesi. Koordinaattori hyväksyy sinut toimeksiantoihin, kun todistus on tarkistettu.',
      '',
      'Pohjanmaan hyvinvointialue',
    ].join('\n'),
  }),
  sv: (p) => ({
    subject: 'Bekräfta din e-postadress – Kokemus',
    text: [
      `Hej ${p.name},`,
      '',
      'tack för att du vill arbeta som erfarenhetsexpert i Österbottens välfärdsområde.',
      `Bekräfta din e-postadress och välj ett lösenord via länken inom ${p.validHours} timmar:`,
      p.link,
      '',
      'Därefter kan du komplettera din profil och lägga till ditt utbildningsintyg. Koordinatorn godkänner dig för uppdrag när intyget är granskat.',
      '',
      'Österbottens välfärdsområde',
    ].join('\n'),
  }),
  en: (p) => ({
    subject: 'Confirm your e-mail address – Kokemus',
    text: [
      `Hello ${p.name},`,
      '',
      'Thank you for wanting to work as an expert by experience in the Ostrobothnia wellbeing services county.',
      `Confirm your e-mail address and set a password with this link within ${p.validHours} hours:`,
      p.link,
      '',
      'Then complete your profile and add your training certificate. The coordinator approves you for assignments once it is checked.',
      '',
      'Ostrobothnia wellbeing services county',
    ].join('\n'),
  }),
});
