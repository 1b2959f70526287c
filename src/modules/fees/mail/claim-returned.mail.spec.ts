import { Language } from '../../../common/i18n/language';
import { claimReturnedMail } from './claim-returned.mail';

const params = {
  claimId: 'c1',
  name: 'Maija',
  title: 'Asiakasraati',
  workDate: '2026-10-20',
  reason: 'Pysäköintikuitti puuttuu.\nLisää se, kiitos.',
};

describe('claim returned mail', () => {
  it.each([
    [
      Language.Fi,
      'Hei Maija,',
      '"Asiakasraati" (20.10.2026)',
      'Palkkio- ja kulukorvausilmoituksesi palautettiin korjattavaksi: 20.10.2026',
    ],
    [
      Language.Sv,
      'Hej Maija,',
      '"Asiakasraati" (20.10.2026)',
      'Din arvodes- och kostnadsanmälan returnerades för rättelse: 20.10.2026',
    ],
    [
      Language.En,
      'Hello Maija,',
      '"Asiakasraati" (20 October 2026)',
      'Your fee and expense claim was returned for correction: 20 October 2026',
    ],
  ])(
    'in %s greets by name, names the assignment and its day (the subject only the day), and quotes the reason as written',
    (language, greeting, assignment, subject) => {
      const mail = claimReturnedMail.render[language](params);
      expect(mail.subject).toBe(subject);
      expect(mail.text.split('\n')[0]).toBe(greeting);
      expect(mail.text).toContain(assignment);
      expect(mail.text).toContain(`\n${params.reason}\n`);
    },
  );

  it('leads the expert to the claim itself, where it is corrected and sent again', () => {
    expect((claimReturnedMail.page as (p: { claimId: string }) => string)(params)).toBe('/claims/c1');
  });
});
