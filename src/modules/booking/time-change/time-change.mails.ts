import { formatDateTime, formatTimeRange } from '../../../common/i18n/format';
import { defineMailTemplate, SIGN } from '../../mail';

interface Change {
  title: string;
  fromStartsAt: Date;
  fromEndsAt: Date;
  startsAt: Date;
  endsAt: Date;
}

// To the expert: the orderer asks to move their assignment; nothing changes until they answer. The mail ends with
// a link to the assignment's own page, where the proposal waits with its accept and decline. Its subject names the
// work by its time, not its title (a lock screen may show it; the title may tell what lived experience it is about).
export const timeChangeProposedMail = defineMailTemplate<Change & { assignmentId: string }>(
  'time-change-proposed',
  {
    fi: (p) => ({
      subject: `Ehdotus uudesta ajasta toimeksiannolle ${formatDateTime(p.fromStartsAt, 'fi')}`,
      text: `Hei,\n\ntilaaja ehdottaa toimeksiannolle "${p.title}" uutta aikaa.\nNykyinen aika: ${formatTimeRange(p.fromStartsAt, p.fromEndsAt, 'fi')}\nEhdotettu aika: ${formatTimeRange(p.startsAt, p.endsAt, 'fi')}\n\nHyväksy tai hylkää ehdotus toimeksiannon sivulla (linkki viestin lopussa). Aika muuttuu vain, jos hyväksyt sen; jos hylkäät, toimeksianto pysyy ennallaan.\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: `Förslag om ny tid för uppdraget ${formatDateTime(p.fromStartsAt, 'sv')}`,
      text: `Hej,\n\nbeställaren föreslår en ny tid för uppdraget "${p.title}".\nNuvarande tid: ${formatTimeRange(p.fromStartsAt, p.fromEndsAt, 'sv')}\nFöreslagen tid: ${formatTimeRange(p.startsAt, p.endsAt, 'sv')}\n\nGodkänn eller avböj förslaget på uppdragets sida (länken finns i slutet av meddelandet). Tiden ändras bara om du godkänner den; om du avböjer förblir uppdraget som det är.\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: `A new time is proposed for your assignment on ${formatDateTime(p.fromStartsAt, 'en')}`,
      text: `Hello,\n\nThe orderer proposes a new time for the assignment "${p.title}".\nCurrent time: ${formatTimeRange(p.fromStartsAt, p.fromEndsAt, 'en')}\nProposed time: ${formatTimeRange(p.startsAt, p.endsAt, 'en')}\n\nAccept or decline it on the assignment's page (the link is at the end of this message). The time changes only if you accept; if you decline, the assignment stays as it is.\n\n${SIGN.en}`,
    }),
  },
  (p) => `/assignments/${p.assignmentId}`,
);

// To the orderer: the expert's answer. After a decline the orderer may cancel, and the late-cancellation clock
// counts from when the change was proposed: both on the order's page, where the mail leads.
export const timeChangeAnsweredMail = defineMailTemplate<
  Change & { requestId: string; expertName: string; accepted: boolean; newContract: boolean; lateHours: number }
>(
  'time-change-answered',
  {
    fi: (p) => ({
      subject: p.accepted ? `Uusi aika hyväksytty: ${p.title}` : `Uutta aikaa ei hyväksytty: ${p.title}`,
      text: p.accepted
        ? `Hei,\n\n${p.expertName} hyväksyi toimeksiannon "${p.title}" uuden ajan: ${formatTimeRange(p.startsAt, p.endsAt, 'fi')}.${p.newContract ? '\nSopimuksesta tehdään uusi versio, jonka koordinaattori hyväksyy ja kokemusosaaja allekirjoittaa.' : ''}\n\n${SIGN.fi}`
        : `Hei,\n\n${p.expertName} ei voi ottaa toimeksiantoa "${p.title}" ehdottamaasi aikaan (${formatTimeRange(p.startsAt, p.endsAt, 'fi')}). Toimeksianto pysyy alkuperäisenä aikana: ${formatTimeRange(p.fromStartsAt, p.fromEndsAt, 'fi')}.\nJos perut toimeksiannon alle ${p.lateHours} tuntia ennen sen alkua, kokemusosaajalle maksetaan koko palkkio.\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: p.accepted ? `Den nya tiden godkändes: ${p.title}` : `Den nya tiden godkändes inte: ${p.title}`,
      text: p.accepted
        ? `Hej,\n\n${p.expertName} har godkänt den nya tiden för uppdraget "${p.title}": ${formatTimeRange(p.startsAt, p.endsAt, 'sv')}.${p.newContract ? '\nEn ny version av avtalet görs; koordinatorn godkänner den och erfarenhetsexperten undertecknar den.' : ''}\n\n${SIGN.sv}`
        : `Hej,\n\n${p.expertName} kan inte ta uppdraget "${p.title}" vid den tid du föreslog (${formatTimeRange(p.startsAt, p.endsAt, 'sv')}). Uppdraget behåller sin ursprungliga tid: ${formatTimeRange(p.fromStartsAt, p.fromEndsAt, 'sv')}.\nOm du avbokar uppdraget mindre än ${p.lateHours} timmar före starten betalas erfarenhetsexpertens hela arvode.\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: p.accepted ? `New time accepted: ${p.title}` : `New time not accepted: ${p.title}`,
      text: p.accepted
        ? `Hello,\n\n${p.expertName} has accepted the new time of the assignment "${p.title}": ${formatTimeRange(p.startsAt, p.endsAt, 'en')}.${p.newContract ? '\nThe contract gets a new version for the coordinator to approve and the expert to sign.' : ''}\n\n${SIGN.en}`
        : `Hello,\n\n${p.expertName} cannot take the assignment "${p.title}" at the time you proposed (${formatTimeRange(p.startsAt, p.endsAt, 'en')}). The assignment keeps its original time: ${formatTimeRange(p.fromStartsAt, p.fromEndsAt, 'en')}.\nIf you cancel it less than ${p.lateHours} hours before it starts, the expert's full fee is due.\n\n${SIGN.en}`,
    }),
  },
  (p) => `/orders/${p.requestId}`,
);
