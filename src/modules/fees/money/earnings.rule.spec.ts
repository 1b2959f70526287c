import { ceilingStatus, helsinkiYear, yearPeriod } from './earnings.rule';

describe('ceilingStatus', () => {
  it.each([
    [0, 100000, false, false, 100000],
    [89999, 100000, false, false, 10001],
    [90000, 100000, true, false, 10000],
    [100000, 100000, true, false, 0],
    [100001, 100000, true, true, 0],
  ])('%i paid of %i: near %s, over %s, %i left', (paid, ceiling, near, over, remaining) => {
    expect(ceilingStatus(paid, ceiling)).toEqual({
      ceilingCents: ceiling,
      remainingCents: remaining,
      nearCeiling: near,
      overCeiling: over,
    });
  });

  it('warns no one without a ceiling', () => {
    expect(ceilingStatus(10_000_000, null)).toEqual({
      ceilingCents: null,
      remainingCents: null,
      nearCeiling: false,
      overCeiling: false,
    });
  });
});

describe('yearPeriod', () => {
  it('runs from Helsinki midnight to Helsinki midnight', () => {
    const p = yearPeriod(2026);
    expect(p.from.toISOString()).toBe('2025-12-31T22:00:00.000Z');
    expect(p.until.toISOString()).toBe('2026-12-31T22:00:00.000Z');
    expect([p.firstDay, p.dayAfter]).toEqual(['2026-01-01', '2027-01-01']);
  });

  it('puts the last evening of the year in Helsinki in that year', () => {
    expect(helsinkiYear(new Date('2025-12-31T21:59:59Z'))).toBe(2025);
    expect(helsinkiYear(new Date('2025-12-31T22:00:00Z'))).toBe(2026);
  });
});
