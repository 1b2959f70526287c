import { formatTimeRange } from '../../../common/i18n/format';
import { defineMailTemplate, SIGN } from '../../mail';

// To the coordinators: the orderer recorded that the expert did not come. No fee is paid for it.
export const noShowMail = defineMailTemplate<{
  title: string;
  startsAt: Date;
  endsAt: Date;
  expertName: string;
  requestId: string;
}>(
  'assignment-no-show',
  {
    fi: (p) => ({
      subject: `Kokemusosaaja ei tullut: ${p.title}`,
      text: `Hei,\n\ntilaaja on kirjannut, että ${p.expertName} ei tullut toimeksiantoon "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'fi')}).\nToimeksiannosta ei makseta palkkiota. Tieto näkyy raporteissa.\n\n${SIGN.fi}`,
    }),
    sv: (p) => ({
      subject: `Erfarenhetsexperten kom inte: ${p.title}`,
      text: `Hej,\n\nbeställaren har antecknat att ${p.expertName} inte kom till uppdraget "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'sv')}).\nInget arvode betalas för uppdraget. Uppgiften syns i rapporterna.\n\n${SIGN.sv}`,
    }),
    en: (p) => ({
      subject: `The expert did not come: ${p.title}`,
      text: `Hello,\n\nThe orderer has recorded that ${p.expertName} did not come to the assignment "${p.title}" (${formatTimeRange(p.startsAt, p.endsAt, 'en')}).\nNo fee is paid for it. It shows in the reports.\n\n${SIGN.en}`,
    }),
  },
  // The order's page in the coordinator's view, not their home page.
  (p) => `/coordinator/orders/${p.requestId}`,
);
