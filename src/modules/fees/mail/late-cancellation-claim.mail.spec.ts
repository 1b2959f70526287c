import { Language } from '../../../common/i18n/language';
import { lateCancellationClaimMail, LateCancellationClaimParams } from './late-cancellation-claim.mail';

const params: LateCancellationClaimParams = {
  claimId: 'c1',
  title: 'Asiakasraati',
  startsAt: new Date('2026-10-15T07:00:00Z'),
  endsAt: new Date('2026-10-15T09:00:00Z'),
  lateHours: 48,
  feeCents: 123456,
  declined: false,
};

describe('late cancellation claim mail', () => {
  it.each([
    [
      Language.Fi,
      'Palkkio maksetaan perutusta toimeksiannosta: to 15.10.2026 klo 10.00',
      'alle 48 tuntia',
      'täysi kokemuspalkkio, 1\u00a0234,56\u00a0€.',
      'Sinun ei tarvitse tehdä mitään',
    ],
    [
      Language.Sv,
      'Arvode betalas för ett avbokat uppdrag: tors 15.10.2026 kl. 10.00',
      'mindre än 48 timmar',
      'fullt erfarenhetsarvode för det, 1\u00a0234,56\u00a0€.',
      'Du behöver inte göra något',
    ],
    [
      Language.En,
      'A fee is due for a cancelled assignment: Thu 15 October 2026, 10:00',
      'less than 48 hours',
      'full experience fee for it, €1,234.56.',
      'You do not need to do anything',
    ],
  ])(
    'in %s says the fee is due, how much, that the claim is filed, and that travel can still be added',
    (language, subject, late, fee, noAction) => {
      const mail = lateCancellationClaimMail.render[language](params);
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain(late);
      expect(mail.text).toContain(fee);
      expect(mail.text).toContain(noAction);
      expect(mail.text).toContain('"Asiakasraati"');
    },
  );

  it.each([Language.Fi, Language.Sv, Language.En])('in %s names no amount when no rate prices the day', (language) => {
    expect(lateCancellationClaimMail.render[language]({ ...params, feeCents: null }).text).not.toMatch(/€/);
  });

  it.each([
    [Language.Fi, 'Olet luopunut palkkiosta'],
    [Language.Sv, 'Du har avstått från arvode'],
    [Language.En, 'You have declined fees'],
  ])('in %s tells an expert who declined fees that only travel and costs are paid', (language, declined) => {
    const text = lateCancellationClaimMail.render[language]({ ...params, declined: true }).text;
    expect(text).toContain(declined);
    expect(text).not.toMatch(/€/);
  });

  it('leads the expert to the claim filed for them, where travel and costs can be added', () => {
    expect((lateCancellationClaimMail.page as (p: { claimId: string }) => string)(params)).toBe('/claims/c1');
  });
});
