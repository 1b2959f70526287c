import { Language } from '../../../common/i18n/language';
import { timeChangeAnsweredMail, timeChangeProposedMail } from './time-change.mails';

const change = {
  title: 'Asiakasraati',
  fromStartsAt: new Date('2026-10-20T07:00:00Z'),
  fromEndsAt: new Date('2026-10-20T09:00:00Z'),
  startsAt: new Date('2026-10-22T07:00:00Z'),
  endsAt: new Date('2026-10-22T09:00:00Z'),
};

describe('time change mail', () => {
  it.each([
    [Language.Fi, 'Ehdotus uudesta ajasta toimeksiannolle ti 20.10.2026 klo 10.00'],
    [Language.Sv, 'Förslag om ny tid för uppdraget tis 20.10.2026 kl. 10.00'],
    [Language.En, 'A new time is proposed for your assignment on Tue 20 October 2026, 10:00'],
  ])('asks the expert in %s, naming both times (the subject by the time, not the title)', (language, subject) => {
    const mail = timeChangeProposedMail.render[language]({ ...change, assignmentId: 'a1' });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toMatch(/20\.10\.2026|20 October 2026/);
    expect(mail.text).toMatch(/22\.10\.2026|22 October 2026/);
  });

  it('links the expert to the assignment’s own page, where the proposal is answered', () => {
    const page = timeChangeProposedMail.page as (p: { assignmentId: string }) => string;
    expect(page({ ...change, assignmentId: 'a1' })).toBe('/assignments/a1');
  });

  it('links the orderer to the order’s own page, where they may cancel after a decline', () => {
    const page = timeChangeAnsweredMail.page as (p: { requestId: string }) => string;
    expect(page({ requestId: 'r1' })).toBe('/orders/r1');
  });

  it.each([
    [Language.Fi, 'Jos perut toimeksiannon alle 48 tuntia ennen sen alkua, kokemusosaajalle maksetaan koko palkkio.'],
    [Language.Sv, 'Om du avbokar uppdraget mindre än 48 timmar före starten betalas erfarenhetsexpertens hela arvode.'],
    [Language.En, "If you cancel it less than 48 hours before it starts, the expert's full fee is due."],
  ])('tells the orderer in %s after a decline that a late cancellation costs the full fee', (language, line) => {
    const mail = timeChangeAnsweredMail.render[language]({
      ...change,
      requestId: 'r1',
      expertName: 'Aino',
      accepted: false,
      newContract: false,
      lateHours: 48,
    });
    expect(mail.text).toContain(line);
  });

  it('leaves no unfilled placeholder in any language or answer', () => {
    for (const language of Object.values(Language)) {
      for (const accepted of [true, false])
        for (const newContract of [true, false]) {
          const mail = timeChangeAnsweredMail.render[language]({
            ...change,
            requestId: 'r1',
            expertName: 'Aino',
            accepted,
            newContract,
            lateHours: 48,
          });
          expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\$\{|undefined|NaN/);
        }
      const proposed = timeChangeProposedMail.render[language]({ ...change, assignmentId: 'a1' });
      expect(`${proposed.subject}\n${proposed.text}`).not.toMatch(/\$\{|undefined|NaN/);
    }
  });
});
