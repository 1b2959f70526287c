import { contractReadyMail } from './contract.mails';

describe('contract mails', () => {
  const params = { number: 'KOK-2026-000123', version: 2, validFrom: '2026-03-01', validUntil: '2026-03-31' };

  it.each([
    ['fi', 'Sopimus KOK-2026-000123 odottaa allekirjoitustasi', 'versio 2, voimassa 1.3.2026–31.3.2026'],
    ['sv', 'Avtal KOK-2026-000123 väntar på din underskrift', 'version 2, gäller 1.3.2026–31.3.2026'],
    ['en', 'Contract KOK-2026-000123 is ready for your signature', 'version 2, valid 1 March 2026 – 31 March 2026'],
  ] as const)('tells the expert in %s that the contract is ready to sign', (language, subject, term) => {
    const mail = contractReadyMail.render[language](params);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(term);
  });
});
