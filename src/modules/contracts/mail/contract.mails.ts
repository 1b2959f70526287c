import { DateTime } from 'luxon';
import { defineMailTemplate } from '../../mail/mail-template';

export interface ContractMailParams {
  number: string;
  version: number;
  validFrom: string; // YYYY-MM-DD
  validUntil: string; // YYYY-MM-DD
}

const SIGN = { fi: 'Pohjanmaan hyvinvointialue', sv: 'Österbottens välfärdsområde', en: 'Ostrobothnia wellbeing services county' };

function day(date: string, language: 'fi' | 'sv' | 'en'): string {
  const d = DateTime.fromISO(date);
  return language === 'en' ? d.setLocale('en-GB').toFormat('d MMMM yyyy') : d.toFormat('d.M.yyyy');
}

export const contractReadyMail = defineMailTemplate<ContractMailParams>('contract-ready-to-sign', {
  fi: (p) => ({
    subject: `Sopimus ${p.number} odottaa allekirjoitustasi`,
    text: `Hei,\n\nmääräaikainen toimeksiantosopimuksesi ${p.number} (versio ${p.version}, voimassa ${day(p.validFrom, 'fi')}–${day(p.validUntil, 'fi')}) on hyväksytty, ja se odottaa allekirjoitustasi.\nLue sopimus Kokemus-palvelussa ja allekirjoita se salasanallasi. Toimeksianto vahvistuu, kun sopimus on allekirjoitettu.\n\n${SIGN.fi}`,
  }),
  sv: (p) => ({
    subject: `Avtal ${p.number} väntar på din underskrift`,
    text: `Hej,\n\nditt visstidsavtal om uppdrag ${p.number} (version ${p.version}, gäller ${day(p.validFrom, 'sv')}–${day(p.validUntil, 'sv')}) har godkänts och väntar på din underskrift.\nLäs avtalet i tjänsten Kokemus och underteckna det med ditt lösenord. Uppdraget bekräftas när avtalet har undertecknats.\n\n${SIGN.sv}`,
  }),
  en: (p) => ({
    subject: `Contract ${p.number} is ready for your signature`,
    text: `Hello,\n\nyour fixed-term assignment contract ${p.number} (version ${p.version}, valid ${day(p.validFrom, 'en')} – ${day(p.validUntil, 'en')}) has been approved and is waiting for your signature.\nPlease read it in Kokemus and sign it with your password. The assignment is confirmed once the contract is signed.\nThe binding contract is in Finnish or Swedish; an English information copy is available beside it.\n\n${SIGN.en}`,
  }),
});
