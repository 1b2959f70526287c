import { contractEndedMail, contractReadyMail } from './contract.mails';

describe('contract mails', () => {
  const params = {
    contractId: 'c1',
    number: 'KOK-2026-000123',
    version: 2,
    validFrom: '2026-03-01',
    validUntil: '2026-03-31',
  };

  it.each([
    ['fi', 'Sopimus KOK-2026-000123 odottaa allekirjoitustasi', 'versio 2, voimassa 1.3.2026–31.3.2026'],
    ['sv', 'Avtal KOK-2026-000123 väntar på din underskrift', 'version 2, gäller 1.3.2026–31.3.2026'],
    ['en', 'Contract KOK-2026-000123 is ready for your signature', 'version 2, valid 1 March 2026 – 31 March 2026'],
  ] as const)('tells the expert in %s that the contract is ready to sign', (language, subject, term) => {
    const mail = contractReadyMail.render[language](params);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(term);
  });

  it.each([
    [
      'fi',
      'Sopimus KOK-2026-000123 on päättynyt',
      'päättynyt ennenaikaisesti 4.3.2026',
      'kaikki sopimukseen kuuluvat toimeksiannot on peruttu',
      'Vaitiolovelvollisuus',
    ],
    [
      'sv',
      'Avtal KOK-2026-000123 har upphört',
      'upphörde i förtid den 4.3.2026',
      'alla uppdrag som avtalet gällde har ställts in',
      'Tystnadsplikten',
    ],
    [
      'en',
      'Contract KOK-2026-000123 has ended',
      'ended early on 4 March 2026',
      'every assignment under the contract was cancelled',
      'confidentiality',
    ],
  ] as const)(
    'tells the expert in %s that a contract they signed has ended',
    (language, subject, ended, cause, confidentiality) => {
      const mail = contractEndedMail.render[language]({
        contractId: 'c1',
        number: 'KOK-2026-000123',
        version: 2,
        endedOn: '2026-03-04',
        workCancelled: true,
      });
      expect(mail.subject).toBe(subject);
      for (const line of [ended, cause, confidentiality]) expect(mail.text).toContain(line);
      const byCoordinator = contractEndedMail.render[language]({
        contractId: 'c1',
        number: 'KOK-2026-000123',
        version: 2,
        endedOn: '2026-03-04',
        workCancelled: false,
      });
      expect(byCoordinator.text).not.toContain(cause);
      expect(`${byCoordinator.subject}\n${byCoordinator.text}`).not.toMatch(/\$\{|undefined|NaN/);
    },
  );

  it('leads the expert to the contract itself, where it is read and signed', () => {
    const ready = contractReadyMail.page as (p: { contractId: string }) => string;
    const ended = contractEndedMail.page as (p: { contractId: string }) => string;
    expect(ready(params)).toBe('/contracts/c1');
    expect(ended({ contractId: 'c1' })).toBe('/contracts/c1');
  });
});
