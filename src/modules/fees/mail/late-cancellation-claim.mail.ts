import { formatDateTime, formatMoney, formatTimeRange } from '../../../common/i18n/format';
import { defineMailTemplate, SIGN } from '../../mail';

export interface LateCancellationClaimParams {
  claimId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  lateHours: number;
  // The full fee by the schedule row in force on the day; null when none is (the coordinator then sees it on approval).
  feeCents: number | null;
  // The expert has declined fees (volunteer work): only travel and costs are paid.
  declined: boolean;
}

const amount = (p: LateCancellationClaimParams, language: 'fi' | 'sv' | 'en') =>
  p.feeCents === null ? '' : `, ${formatMoney(p.feeCents, language)}`;

// To the expert when the county cancels so late that the fee is due: the claim is already filed for them. The
// subject names the work by its time, not its title (a lock screen may show it; the title may tell what lived
// experience the work was about); the mail leads to the claim, where travel and costs can still be added.
export const lateCancellationClaimMail = defineMailTemplate<LateCancellationClaimParams>(
  'late-cancellation-claim',
  {
    fi: (p) => ({
      subject: p.declined
        ? `Perutun toimeksiannon kulut korvataan: ${formatDateTime(p.startsAt, 'fi')}`
        : `Palkkio maksetaan perutusta toimeksiannosta: ${formatDateTime(p.startsAt, 'fi')}`,
      text: `Hei,\n\ntoimeksianto "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'fi')}) peruttiin alle ${p.lateHours} tuntia ennen sen alkua, ${
        p.declined
          ? 'joten siitä kuuluisi täysi kokemuspalkkio. Olet luopunut palkkiosta, joten sitä ei makseta, mutta matka- ja muut kulut korvataan.'
          : `joten sinulle maksetaan siitä täysi kokemuspalkkio${amount(p, 'fi')}.`
      }\n\nPalkkio- ja kulukorvausilmoitus on tehty puolestasi ja lähetetty koordinaattorin hyväksyttäväksi. Sinun ei tarvitse tehdä mitään: se maksetaan hyväksynnän jälkeen seuraavassa maksuajossa.\nJos sinulle ehti tulla matka- tai muita kuluja, voit lisätä ne ilmoitukseen Kokemus-palvelussa siihen asti, kun koordinaattori on käsitellyt sen.\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: p.declined
        ? `Kostnaderna för ett avbokat uppdrag ersätts: ${formatDateTime(p.startsAt, 'sv')}`
        : `Arvode betalas för ett avbokat uppdrag: ${formatDateTime(p.startsAt, 'sv')}`,
      text: `Hej,\n\nuppdraget "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'sv')}) avbokades mindre än ${p.lateHours} timmar före starten, ${
        p.declined
          ? 'så fullt erfarenhetsarvode skulle betalas för det. Du har avstått från arvode, så det betalas inte, men rese- och andra kostnader ersätts.'
          : `så du får fullt erfarenhetsarvode för det${amount(p, 'sv')}.`
      }\n\nEn arvodes- och kostnadsanmälan har gjorts åt dig och skickats till koordinatorn för godkännande. Du behöver inte göra något: den betalas i nästa utbetalningskörning efter godkännandet.\nOm du redan har haft rese- eller andra kostnader kan du lägga till dem i anmälan i tjänsten Kokemus tills koordinatorn har behandlat den.\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: p.declined
        ? `Costs are reimbursed for a cancelled assignment: ${formatDateTime(p.startsAt, 'en')}`
        : `A fee is due for a cancelled assignment: ${formatDateTime(p.startsAt, 'en')}`,
      text: `Hello,\n\nThe assignment "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'en')}) was cancelled less than ${p.lateHours} hours before its start, ${
        p.declined
          ? 'so the full experience fee would be due. You have declined fees, so it is not paid, but travel and other costs are reimbursed.'
          : `so you are paid the full experience fee for it${amount(p, 'en')}.`
      }\n\nA fee and expense claim has been made for you and sent to the coordinator for approval. You do not need to do anything: it is paid in the next fee run after approval.\nIf you already had travel or other costs, you can add them to the claim in Kokemus until the coordinator has handled it.\n\n${SIGN.en}`,
    }),
  },
  (p) => `/claims/${p.claimId}`,
);
