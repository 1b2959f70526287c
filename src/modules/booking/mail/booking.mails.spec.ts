import { Language } from '../../../common/i18n/language';
import {
  acceptedMail,
  cancelledMail,
  offerMail,
  ordererWithdrawnMail,
  reminderMail,
  withdrawnMail,
} from './booking.mails';
import { noShowMail } from './no-show.mail';

const when = {
  title: 'Asiakasraati',
  startsAt: new Date('2026-10-20T07:00:00Z'),
  endsAt: new Date('2026-10-20T09:00:00Z'),
  requestId: 'r1',
};
const cancelled = { ...when, assignmentId: 'a1', toOrderer: false, reason: 'x', feeDue: false, lateHours: 48 };
const offered = { ...when, offerId: 'o1', deadline: new Date('2026-10-10T12:00:00Z') };
const pageOf = <P>(template: { page?: string | ((p: P) => string) }, params: P) =>
  typeof template.page === 'function' ? template.page(params) : template.page;

describe('booking mail', () => {
  it.each([
    [Language.Fi, 'Peruutus tehtiin alle 36 tuntia ennen alkua'],
    [Language.Sv, 'Uppdraget avbokades mindre än 36 timmar före starten'],
    [Language.En, 'It was cancelled less than 36 hours before the start'],
  ])('names the configured late-cancellation threshold in %s', (language, line) => {
    const mail = cancelledMail.render[language]({ ...cancelled, reason: 'Tila suljettu', feeDue: true, lateHours: 36 });
    expect(mail.text).toContain(line);
  });

  it.each([
    [Language.Fi, 'Kokemusosaaja perui osallistumisensa tilaukseesi: Asiakasraati', 'Tilauksesi on taas avoinna'],
    [
      Language.Sv,
      'Erfarenhetsexperten har dragit sig ur din beställning: Asiakasraati',
      'Din beställning är öppen igen',
    ],
    [Language.En, 'An expert withdrew from your order: Asiakasraati', 'Your order is open again'],
  ])('tells the orderer in %s that the expert withdrew and the order is open again', (language, subject, line) => {
    const mail = ordererWithdrawnMail.render[language]({ ...when, expertName: 'Aino' });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain('Aino');
    expect(mail.text).toContain(line);
  });

  it('leaves no unfilled placeholder in any template or language', () => {
    for (const language of Object.values(Language)) {
      const texts = [
        offerMail.render[language](offered),
        acceptedMail.render[language]({ ...when, expertName: 'Aino', filled: true }),
        cancelledMail.render[language]({ ...cancelled, feeDue: true }),
        cancelledMail.render[language](cancelled),
        withdrawnMail.render[language]({ ...when, expertName: 'Aino' }),
        ordererWithdrawnMail.render[language]({ ...when, expertName: 'Aino' }),
        reminderMail.render[language](when),
      ];
      for (const mail of texts) expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\$\{|undefined|NaN/);
    }
  });

  it.each([
    [
      Language.Fi,
      'Kokemusosaajat löytyneet: Asiakasraati',
      'Tilaukseesi on nyt löytynyt kaikki tarvittavat kokemusosaajat.',
    ],
    [Language.Sv, 'Beställningen är tillsatt: Asiakasraati', 'Din beställning är nu tillsatt.'],
    [Language.En, 'Order filled: Asiakasraati', 'Your order is now filled.'],
  ])(
    'tells the orderer in %s that the order is filled, in the words of the order’s status',
    (language, subject, line) => {
      const mail = acceptedMail.render[language]({ ...when, expertName: 'Aino', filled: true });
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain(line);
    },
  );

  // The page that finishes the task, not a list or the home page (UI.md: one task per screen).
  it.each([
    ['the offer, to the expert', pageOf(offerMail, offered), '/offers/o1'],
    [
      'an acceptance, to the orderer',
      pageOf(acceptedMail, { ...when, expertName: 'Aino', filled: false }),
      '/orders/r1',
    ],
    ['a cancellation, to the expert', pageOf(cancelledMail, cancelled), '/assignments/a1'],
    ['a cancellation, to the orderer', pageOf(cancelledMail, { ...cancelled, toOrderer: true }), '/orders/r1'],
    [
      'a withdrawal, to the coordinators',
      pageOf(withdrawnMail, { ...when, expertName: 'Aino' }),
      '/coordinator/orders/r1',
    ],
    ['a withdrawal, to the orderer', pageOf(ordererWithdrawnMail, { ...when, expertName: 'Aino' }), '/orders/r1'],
    ['the reminder to confirm, to the orderer', pageOf(reminderMail, when), '/orders/r1'],
    ['a no-show, to the coordinators', pageOf(noShowMail, { ...when, expertName: 'Aino' }), '/coordinator/orders/r1'],
  ])('leads %s to its own page', (_, page, expected) => {
    expect(page).toBe(expected);
  });

  // A subject shows on a lock screen; an order's title may tell what lived experience the expert was asked for.
  it.each([
    [
      Language.Fi,
      'Uusi toimeksiantotarjous – vastaa viimeistään la 10.10.2026 klo 15.00',
      'Toimeksianto peruttu: ti 20.10.2026 klo 10.00',
    ],
    [
      Language.Sv,
      'Nytt erbjudande om uppdrag – svara senast lör 10.10.2026 kl. 15.00',
      'Uppdraget har avbokats: tis 20.10.2026 kl. 10.00',
    ],
    [
      Language.En,
      'New assignment offer – please answer by Sat 10 October 2026, 15:00',
      'Assignment cancelled: Tue 20 October 2026, 10:00',
    ],
  ])('names the work to the expert in %s by its time, not its title, in the subject', (language, offer, cancel) => {
    expect(offerMail.render[language](offered).subject).toBe(offer);
    expect(cancelledMail.render[language](cancelled).subject).toBe(cancel);
  });
});
