import { formatDate } from '../../../common/i18n/format';
import { defineMailTemplate, SIGN } from '../../mail';

export interface ClaimReturnedParams {
  claimId: string;
  name: string;
  title: string;
  workDate: string; // YYYY-MM-DD
  reason: string;
}

// The coordinator's reason is quoted as written, on lines of its own. The subject names the work by its day, not
// its title: a lock screen may show it, and the title may tell what lived experience the work was about.
export const claimReturnedMail = defineMailTemplate<ClaimReturnedParams>(
  'claim-returned',
  {
    fi: (p) => ({
      subject: `Palkkio- ja kulukorvausilmoituksesi palautettiin korjattavaksi: ${formatDate(p.workDate, 'fi')}`,
      text: `Hei ${p.name},\n\nkoordinaattori palautti palkkio- ja kulukorvausilmoituksesi toimeksiannosta "${p.title}" (${formatDate(p.workDate, 'fi')}) korjattavaksi.\n\nSyy:\n${p.reason}\n\nVoit korjata ilmoituksen Kokemus-palvelussa ja lähettää sen uudelleen. Palautettu ilmoitus ei vanhene.\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: `Din arvodes- och kostnadsanmälan returnerades för rättelse: ${formatDate(p.workDate, 'sv')}`,
      text: `Hej ${p.name},\n\nkoordinatorn returnerade din arvodes- och kostnadsanmälan för uppdraget "${p.title}" (${formatDate(p.workDate, 'sv')}) för rättelse.\n\nOrsak:\n${p.reason}\n\nDu kan rätta anmälan i tjänsten Kokemus och skicka den på nytt. En returnerad anmälan förfaller inte.\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: `Your fee and expense claim was returned for correction: ${formatDate(p.workDate, 'en')}`,
      text: `Hello ${p.name},\n\nThe coordinator returned your fee and expense claim for the assignment "${p.title}" (${formatDate(p.workDate, 'en')}) for correction.\n\nReason:\n${p.reason}\n\nYou can correct the claim in Kokemus and send it again. A returned claim does not expire.\n\n${SIGN.en}`,
    }),
  },
  // The claim itself, where it is corrected and sent again.
  (p) => `/claims/${p.claimId}`,
);
