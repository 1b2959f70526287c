import { paymentDay } from './payment-date.rule';

describe('paymentDay', () => {
  it('is today when none is given, with today’s tax year', () => {
    expect(paymentDay(undefined, '2026-10-21')).toEqual({ paymentDate: '2026-10-21', taxYear: 2026 });
  });

  it('takes the tax year from the payment day, not from the day the run starts', () => {
    // Started on 30 December, paid on 5 January: the new year's tax cards apply.
    expect(paymentDay('2027-01-05', '2026-12-30')).toEqual({ paymentDate: '2027-01-05', taxYear: 2027 });
    expect(paymentDay('2026-12-31', '2026-12-30')).toEqual({ paymentDate: '2026-12-31', taxYear: 2026 });
  });

  it('takes a day up to 366 days ahead, over a leap day too', () => {
    expect(paymentDay('2027-10-22', '2026-10-21').paymentDate).toBe('2027-10-22');
    expect(paymentDay('2028-12-30', '2027-12-30').paymentDate).toBe('2028-12-30');
    expect(paymentDay('2029-02-28', '2028-02-28').paymentDate).toBe('2029-02-28');
  });

  it.each([
    ['yesterday', '2026-10-20', '2026-10-21', 'beforeToday'],
    ['last year', '2025-12-31', '2026-01-01', 'beforeToday'],
    ['367 days ahead', '2027-10-23', '2026-10-21', 'tooFarAhead'],
    ['367 days ahead over a leap day', '2028-12-31', '2027-12-30', 'tooFarAhead'],
  ])('refuses %s, naming paymentDate', (_label, paymentDate, today, code) => {
    expect(() => paymentDay(paymentDate, today)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        fields: [expect.objectContaining({ field: 'paymentDate', code })],
      }),
    );
  });
});
