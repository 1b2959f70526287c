import { Language } from '../../../common/i18n/language';
import {
  acceptedMail,
  cancelledMail,
  offerMail,
  ordererWithdrawnMail,
  reminderMail,
  withdrawnMail,
} from './booking.mails';

const when = {
  title: 'Asiakasraati',
  startsAt: new Date('2026-10-20T07:00:00Z'),
  endsAt: new Date('2026-10-20T09:00:00Z'),
};

describe('booking mail', () => {
  it.each([
    [Language.Fi, 'Peruutus tehtiin alle 36 tuntia ennen alkua'],
    [Language.Sv, 'Uppdraget avbokades mindre än 36 timmar före starten'],
    [Language.En, 'It was cancelled less than 36 hours before the start'],
  ])('names the configured late-cancellation threshold in %s', (language, line) => {
    const mail = cancelledMail.render[language]({ ...when, reason: 'Tila suljettu', feeDue: true, lateHours: 36 });
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
        offerMail.render[language]({ ...when, deadline: new Date('2026-10-10T12:00:00Z') }),
        acceptedMail.render[language]({ ...when, expertName: 'Aino', filled: true }),
        cancelledMail.render[language]({ ...when, reason: 'x', feeDue: true, lateHours: 48 }),
        cancelledMail.render[language]({ ...when, reason: 'x', feeDue: false, lateHours: 48 }),
        withdrawnMail.render[language]({ ...when, expertName: 'Aino' }),
        ordererWithdrawnMail.render[language]({ ...when, expertName: 'Aino' }),
        reminderMail.render[language](when),
      ];
      for (const mail of texts) expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\$\{|undefined|NaN/);
    }
  });
});
