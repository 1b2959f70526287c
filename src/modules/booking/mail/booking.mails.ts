import { formatDateTime, formatTimeRange } from '../../../common/i18n/format';
import { defineMailTemplate, SIGN } from '../../mail';

interface When {
  title: string;
  startsAt: Date;
  endsAt: Date;
}

// The order a mail is about: its page is where the orderer (/orders/…) or the coordinator (/coordinator/orders/…)
// acts on it.
interface OfOrder {
  requestId: string;
}

// A subject is read on a lock screen: a mail to an expert names the work by its time, never by its title, which may
// tell what lived experience the expert was asked for (PRODUCT.md §6).

export const offerMail = defineMailTemplate<When & { deadline: Date; offerId: string }>(
  'offer-made',
  {
    fi: (p) => ({
      subject: `Uusi toimeksiantotarjous – vastaa viimeistään ${formatDateTime(p.deadline, 'fi')}`,
      text: `Hei,\n\nsinulle on tarjottu kokemusosaajan toimeksiantoa "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'fi')}).\nVastaa Kokemus-palvelussa viimeistään ${formatDateTime(p.deadline, 'fi')}. Voit myös kieltäytyä – se ei vaikuta tuleviin tarjouksiin.\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: `Nytt erbjudande om uppdrag – svara senast ${formatDateTime(p.deadline, 'sv')}`,
      text: `Hej,\n\ndu har erbjudits ett uppdrag som erfarenhetsexpert: "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'sv')}).\nSvara i tjänsten Kokemus senast ${formatDateTime(p.deadline, 'sv')}. Du kan också tacka nej – det påverkar inte kommande erbjudanden.\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: `New assignment offer – please answer by ${formatDateTime(p.deadline, 'en')}`,
      text: `Hello,\n\nYou have been offered an assignment as an expert by experience: "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'en')}).\nPlease answer in Kokemus by ${formatDateTime(p.deadline, 'en')}. You may also decline – it does not affect future offers.\n\n${SIGN.en}`,
    }),
  },
  // The offer itself, where it is accepted or declined in one tap.
  (p) => `/offers/${p.offerId}`,
);

export const acceptedMail = defineMailTemplate<When & OfOrder & { expertName: string; filled: boolean }>(
  'offer-accepted',
  {
    fi: (p) => ({
      subject: p.filled
        ? `Kokemusosaajat löytyneet: ${p.title}`
        : `Kokemusosaaja otti toimeksiannon vastaan: ${p.title}`,
      text: `Hei,\n\n${p.expertName} on hyväksynyt toimeksiannon "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'fi')}).${p.filled ? '\nTilaukseesi on nyt löytynyt kaikki tarvittavat kokemusosaajat.' : ''}\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: p.filled ? `Beställningen är tillsatt: ${p.title}` : `Erfarenhetsexperten tackade ja: ${p.title}`,
      text: `Hej,\n\n${p.expertName} har tackat ja till uppdraget "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'sv')}).${p.filled ? '\nDin beställning är nu tillsatt.' : ''}\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: p.filled ? `Order filled: ${p.title}` : `An expert accepted: ${p.title}`,
      text: `Hello,\n\n${p.expertName} has accepted the assignment "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'en')}).${p.filled ? '\nYour order is now filled.' : ''}\n\n${SIGN.en}`,
    }),
  },
  (p) => `/orders/${p.requestId}`,
);

// To the expert, and to the orderer when the county cancelled their order: each is led to their own page of it.
export const cancelledMail = defineMailTemplate<
  When & OfOrder & { assignmentId: string; toOrderer: boolean; reason: string; feeDue: boolean; lateHours: number }
>(
  'assignment-cancelled',
  {
    fi: (p) => ({
      subject: `Toimeksianto peruttu: ${formatDateTime(p.startsAt, 'fi')}`,
      text: `Hei,\n\ntoimeksianto "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'fi')}) on peruttu.\nSyy: ${p.reason}\n${p.feeDue ? `Peruutus tehtiin alle ${p.lateHours} tuntia ennen alkua, joten kokemuspalkkio maksetaan täysimääräisenä.` : 'Peruutuksesta ei makseta palkkiota.'}\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: `Uppdraget har avbokats: ${formatDateTime(p.startsAt, 'sv')}`,
      text: `Hej,\n\nuppdraget "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'sv')}) har avbokats.\nOrsak: ${p.reason}\n${p.feeDue ? `Uppdraget avbokades mindre än ${p.lateHours} timmar före starten, så erfarenhetsarvodet betalas i sin helhet.` : 'Inget arvode betalas för det avbokade uppdraget.'}\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: `Assignment cancelled: ${formatDateTime(p.startsAt, 'en')}`,
      text: `Hello,\n\nThe assignment "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'en')}) has been cancelled.\nReason: ${p.reason}\n${p.feeDue ? `It was cancelled less than ${p.lateHours} hours before the start, so the full experience fee is paid.` : 'No fee is paid for the cancelled assignment.'}\n\n${SIGN.en}`,
    }),
  },
  (p) => (p.toOrderer ? `/orders/${p.requestId}` : `/assignments/${p.assignmentId}`),
);

// To the coordinators: the order's matching page, where the work is offered again.
export const withdrawnMail = defineMailTemplate<When & OfOrder & { expertName: string }>(
  'expert-withdrew',
  {
    fi: (p) => ({
      subject: `Kokemusosaaja perui osallistumisensa: ${p.title}`,
      text: `Hei,\n\n${p.expertName} on perunut osallistumisensa toimeksiantoon "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'fi')}).\nVoit tarjota toimeksiantoa uudelleen Kokemus-palvelussa.\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: `Erfarenhetsexperten har dragit sig ur: ${p.title}`,
      text: `Hej,\n\n${p.expertName} har dragit sig ur uppdraget "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'sv')}).\nDu kan erbjuda uppdraget på nytt i tjänsten Kokemus.\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: `An expert withdrew: ${p.title}`,
      text: `Hello,\n\n${p.expertName} has withdrawn from the assignment "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'en')}).\nYou can offer it again in Kokemus.\n\n${SIGN.en}`,
    }),
  },
  (p) => `/coordinator/orders/${p.requestId}`,
);

// To the orderer: who withdrew and that the order is open again. Never the expert's reason (it may be about their
// health), nor the order's topics.
export const ordererWithdrawnMail = defineMailTemplate<When & OfOrder & { expertName: string }>(
  'expert-withdrew-orderer',
  {
    fi: (p) => ({
      subject: `Kokemusosaaja perui osallistumisensa tilaukseesi: ${p.title}`,
      text: `Hei,\n\n${p.expertName} on perunut osallistumisensa toimeksiantoon "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'fi')}).\nTilauksesi on taas avoinna, ja koordinaattori etsii tilalle toisen kokemusosaajan. Saat viestin, kun joku on hyväksynyt toimeksiannon.\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: `Erfarenhetsexperten har dragit sig ur din beställning: ${p.title}`,
      text: `Hej,\n\n${p.expertName} har dragit sig ur uppdraget "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'sv')}).\nDin beställning är öppen igen och koordinatorn söker en annan erfarenhetsexpert. Du får ett meddelande när någon har tackat ja till uppdraget.\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: `An expert withdrew from your order: ${p.title}`,
      text: `Hello,\n\n${p.expertName} has withdrawn from the assignment "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'en')}).\nYour order is open again and the coordinator will look for another expert. You will get a message when someone accepts the assignment.\n\n${SIGN.en}`,
    }),
  },
  (p) => `/orders/${p.requestId}`,
);

// The order's page, where the orderer confirms the work or records a no-show.
export const reminderMail = defineMailTemplate<When & OfOrder>(
  'completion-reminder',
  {
    fi: (p) => ({
      subject: `Muistutus: vahvista toteutuminen – ${p.title}`,
      text: `Hei,\n\ntoimeksianto "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'fi')}) on päättynyt, mutta sen toteutumista ei ole vielä vahvistettu.\nVahvista Kokemus-palvelussa, toteutuiko työ, jotta kokemusosaajan palkkio voidaan maksaa.\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: `Påminnelse: bekräfta att uppdraget genomfördes – ${p.title}`,
      text: `Hej,\n\nuppdraget "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'sv')}) har avslutats, men det har ännu inte bekräftats att det genomfördes.\nBekräfta i tjänsten Kokemus om arbetet blev utfört, så att erfarenhetsexpertens arvode kan betalas.\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: `Reminder: confirm the work took place – ${p.title}`,
      text: `Hello,\n\nThe assignment "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'en')}) has ended but has not been confirmed yet.\nPlease confirm in Kokemus whether the work took place, so that the expert's fee can be paid.\n\n${SIGN.en}`,
    }),
  },
  (p) => `/orders/${p.requestId}`,
);
