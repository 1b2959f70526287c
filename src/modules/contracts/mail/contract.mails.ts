import { formatDate } from '../../../common/i18n/format';
import { defineMailTemplate, SIGN } from '../../mail';

export interface ContractMailParams {
  contractId: string;
  number: string;
  version: number;
  validFrom: string; // YYYY-MM-DD
  validUntil: string; // YYYY-MM-DD
}

export const contractReadyMail = defineMailTemplate<ContractMailParams>(
  'contract-ready-to-sign',
  {
    fi: (p) => ({
      subject: `Sopimus ${p.number} odottaa allekirjoitustasi`,
      text: `Hei,\n\nmääräaikainen toimeksiantosopimuksesi ${p.number} (versio ${p.version}, voimassa ${formatDate(p.validFrom, 'fi')}–${formatDate(p.validUntil, 'fi')}) on hyväksytty, ja se odottaa allekirjoitustasi.\nLue sopimus Kokemus-palvelussa ja allekirjoita se salasanallasi. Toimeksianto vahvistuu, kun sopimus on allekirjoitettu.\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: `Avtal ${p.number} väntar på din underskrift`,
      text: `Hej,\n\nditt visstidsavtal om uppdrag ${p.number} (version ${p.version}, gäller ${formatDate(p.validFrom, 'sv')}–${formatDate(p.validUntil, 'sv')}) har godkänts och väntar på din underskrift.\nLäs avtalet i tjänsten Kokemus och underteckna det med ditt lösenord. Uppdraget bekräftas när avtalet har undertecknats.\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: `Contract ${p.number} is ready for your signature`,
      text: `Hello,\n\nYour fixed-term assignment contract ${p.number} (version ${p.version}, valid ${formatDate(p.validFrom, 'en')} – ${formatDate(p.validUntil, 'en')}) has been approved and is waiting for your signature.\nPlease read it in Kokemus and sign it with your password. The assignment is confirmed once the contract is signed.\nThe binding contract is in Finnish or Swedish; an English information copy is available beside it.\n\n${SIGN.en}`,
    }),
  },
  // The contract itself, where it is read and signed.
  (p) => `/contracts/${p.contractId}`,
);

export interface ContractEndedMailParams {
  contractId: string;
  number: string;
  version: number;
  endedOn: string; // YYYY-MM-DD, Helsinki
  workCancelled: boolean;
}

// To the expert when a contract they signed ends early. Neither the coordinator's reason nor the cancellation's is
// repeated here: both stay in Kokemus, and the expert was told of a cancellation in its own mail.
export const contractEndedMail = defineMailTemplate<ContractEndedMailParams>(
  'contract-ended-early',
  {
    fi: (p) => ({
      subject: `Sopimus ${p.number} on päättynyt`,
      text: `Hei,\n\nallekirjoittamasi määräaikainen toimeksiantosopimus ${p.number} (versio ${p.version}) on päättynyt ennenaikaisesti ${formatDate(p.endedOn, 'fi')}.\n${p.workCancelled ? 'Syy: kaikki sopimukseen kuuluvat toimeksiannot on peruttu.' : 'Koordinaattori on päättänyt sopimuksen; syy näkyy sopimuksen tiedoissa Kokemus-palvelussa.'}\nSopimus ja sen PDF pysyvät luettavissa Kokemus-palvelussa. Vaitiolovelvollisuus on voimassa myös sopimuksen päättymisen jälkeen.\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: `Avtal ${p.number} har upphört`,
      text: `Hej,\n\nvisstidsavtalet om uppdrag ${p.number} (version ${p.version}) som du undertecknade upphörde i förtid den ${formatDate(p.endedOn, 'sv')}.\n${p.workCancelled ? 'Orsak: alla uppdrag som avtalet gällde har ställts in.' : 'Koordinatorn har avslutat avtalet; orsaken framgår av avtalets uppgifter i tjänsten Kokemus.'}\nAvtalet och dess PDF finns kvar att läsa i tjänsten Kokemus. Tystnadsplikten gäller även efter att avtalet har upphört.\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: `Contract ${p.number} has ended`,
      text: `Hello,\n\nThe fixed-term assignment contract ${p.number} (version ${p.version}) that you signed ended early on ${formatDate(p.endedOn, 'en')}.\n${p.workCancelled ? 'Reason: every assignment under the contract was cancelled.' : 'The coordinator ended the contract; the reason is shown with the contract in Kokemus.'}\nThe contract and its PDF stay readable in Kokemus. The duty of confidentiality continues after the contract has ended.\n\n${SIGN.en}`,
    }),
  },
  (p) => `/contracts/${p.contractId}`,
);
