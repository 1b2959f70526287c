import { Language } from '../../../common/i18n/language';
import { defineMailTemplate } from '../../mail';
import { credentialLine, CredentialMailParams } from './credential-mail.params';

export const credentialVerifiedMail = defineMailTemplate<CredentialMailParams>(
  'credential-verified',
  {
    fi: (p) => ({
      subject: 'Koulutustodistuksesi on hyväksytty',
      text: [
        `Hei ${p.name},`,
        '',
        'koordinaattori on tarkistanut ja hyväksynyt koulutustodistuksesi:',
        credentialLine(p, Language.Fi),
        '',
        'Hyväksytty todistus on edellytys sille, että sinulle voidaan tarjota toimeksiantoja. Näet todistustesi tilan Kokemus-palvelussa.',
        '',
        'Pohjanmaan hyvinvointialue',
      ].join('\n'),
    }),
    sv: (p) => ({
      subject: 'Ditt utbildningsintyg har godkänts',
      text: [
        `Hej ${p.name},`,
        '',
        'koordinatorn har granskat och godkänt ditt utbildningsintyg:',
        credentialLine(p, Language.Sv),
        '',
        'Ett godkänt intyg är en förutsättning för att du ska kunna erbjudas uppdrag. Du kan se statusen för dina intyg i tjänsten Kokemus.',
        '',
        'Österbottens välfärdsområde',
      ].join('\n'),
    }),
    en: (p) => ({
      subject: 'Your training certificate has been verified',
      text: [
        `Hello ${p.name},`,
        '',
        'The coordinator has checked and verified your training certificate:',
        credentialLine(p, Language.En),
        '',
        'A verified certificate is required before you can be offered assignments. You can see the status of your certificates in Kokemus.',
        '',
        'Ostrobothnia wellbeing services county',
      ].join('\n'),
    }),
  },
  '/certificates',
);
