import { defineMailTemplate } from '../../mail/mail-template';

export interface ClaimReturnedParams {
  title: string;
  workDate: string; // YYYY-MM-DD
  reason: string;
}

const SIGN = { fi: 'Pohjanmaan hyvinvointialue', sv: 'Österbottens välfärdsområde', en: 'Ostrobothnia wellbeing services county' };

function finnishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}.${m}.${y}`;
}

export const claimReturnedMail = defineMailTemplate<ClaimReturnedParams>('claim-returned', {
  fi: (p) => ({
    subject: `Palkkio- ja kulukorvausilmoitus palautettiin korjattavaksi: ${p.title}`,
    text: `Hei,\n\nkoordinaattori palautti palkkio- ja kulukorvausilmoituksesi toimeksiannosta "${p.title}" (${finnishDate(p.workDate)}) korjattavaksi.\n\nSyy: ${p.reason}\n\nVoit korjata ilmoituksen Kokemus-palvelussa ja lähettää sen uudelleen.\n\n${SIGN.fi}`,
  }),
  sv: (p) => ({
    subject: `Arvodes- och kostnadsersättningsanmälan returnerades för rättelse: ${p.title}`,
    text: `Hej,\n\nkoordinatorn returnerade din arvodes- och kostnadsersättningsanmälan för uppdraget "${p.title}" (${finnishDate(p.workDate)}) för rättelse.\n\nOrsak: ${p.reason}\n\nDu kan rätta anmälan i tjänsten Kokemus och skicka den på nytt.\n\n${SIGN.sv}`,
  }),
  en: (p) => ({
    subject: `Your fee and expense claim was returned for correction: ${p.title}`,
    text: `Hello,\n\nthe coordinator returned your fee and expense claim for the assignment "${p.title}" (${finnishDate(p.workDate)}) for correction.\n\nReason: ${p.reason}\n\nYou can correct the claim in Kokemus and send it again.\n\n${SIGN.en}`,
  }),
});
