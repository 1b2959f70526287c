import { Language } from '../../../common/i18n/language';
import { defineMailTemplate } from '../../mail';
import { credentialLine, CredentialMailParams } from './credential-mail.params';

export interface CredentialRejectedMailParams extends CredentialMailParams {
  reason: string;
}

export const credentialRejectedMail = defineMailTemplate<CredentialRejectedMailParams>(
  'credential-rejected',
  {
    fi: (p) => ({
      subject: 'Koulutustodistustasi ei hyväksytty',
      text: [
        `Hei ${p.name},`,
        '',
        'koordinaattori ei hyväksynyt koulutustodistustasi:',
        credentialLine(p, Language.Fi),
        '',
        'Perustelu:',
        p.reason,
        '',
        'Voit lisätä uuden todistuksen Kokemus-palvelussa. Jos sinulla on kysyttävää, ota yhteyttä koordinaattoriin.',
        '',
        'Pohjanmaan hyvinvointialue',
      ].join('\n'),
    }),
    sv: (p) => ({
      subject: 'Ditt utbildningsintyg godkändes inte',
      text: [
        `Hej ${p.name},`,
        '',
        'koordinatorn godkände inte ditt utbildningsintyg:',
        credentialLine(p, Language.Sv),
        '',
        'Motivering:',
        p.reason,
        '',
        'Du kan lägga till ett nytt intyg i tjänsten Kokemus. Om du har frågor kan du kontakta koordinatorn.',
        '',
        'Österbottens välfärdsområde',
      ].join('\n'),
    }),
    en: (p) => ({
      subject: 'Your training certificate was not accepted',
      text: [
        `Hello ${p.name},`,
        '',
        'The coordinator did not accept your training certificate:',
        credentialLine(p, Language.En),
        '',
        'Reason:',
        p.reason,
        '',
        'You can add a new certificate in Kokemus. If you have any questions, please contact the coordinator.',
        '',
        'Ostrobothnia wellbeing services county',
      ].join('\n'),
    }),
  },
  '/certificates',
);
