import { TaskType } from '../../../common/domain/task-type';
import { computeClaimLine, DEFAULT_FEE_RATES, DEFAULT_TRAVEL_RATES, FeeRate } from './fee-arithmetic.rule';
import { bookedWork, earningsCeilingCheck, EstimableWork, expectedFeeCents } from './fee-estimate.rule';

const work = (startsAt: string, endsAt: string, overrides: Partial<EstimableWork> = {}): EstimableWork => ({
  taskType: TaskType.WorkingGroup,
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  preparationMinutes: 30,
  ...overrides,
});
// A coordinator's raise from the first day of 2026.
const RAISE_2026: FeeRate = {
  taskType: TaskType.WorkingGroup,
  basis: 'hourly',
  rateCents: 3137,
  validFrom: '2026-01-01',
};
const RATES = [...DEFAULT_FEE_RATES, RAISE_2026];

describe('bookedWork', () => {
  it('is the booking’s Helsinki day, its booked minutes and its preparation', () => {
    expect(bookedWork(work('2026-03-10T07:00:00Z', '2026-03-10T09:00:00Z'))).toEqual({
      taskType: TaskType.WorkingGroup,
      workDate: '2026-03-10',
      workedMinutes: 120,
      preparationMinutes: 30,
    });
  });

  it('dates work late on 31 December UTC in the new year when it is already 1 January in Helsinki', () => {
    expect(bookedWork(work('2025-12-31T22:30:00Z', '2026-01-01T00:30:00Z')).workDate).toBe('2026-01-01');
    expect(bookedWork(work('2025-12-31T21:30:00Z', '2025-12-31T23:30:00Z')).workDate).toBe('2025-12-31');
  });
});

describe('expectedFeeCents', () => {
  it('prices a booking by the row in force on its Helsinki day, across the 2025/2026 boundary', () => {
    // 2 h + 30 min preparation = 10 quarter hours: 62.50 € at 25 €/h, 78.425 -> 78.43 € at 31.37 €/h.
    expect(expectedFeeCents(work('2025-12-31T21:30:00Z', '2025-12-31T23:30:00Z'), RATES)).toBe(6250);
    expect(expectedFeeCents(work('2025-12-31T22:30:00Z', '2026-01-01T00:30:00Z'), RATES)).toBe(7843);
  });

  it('is what a claim for the work done as booked is paid, gross', () => {
    const booking = work('2026-05-05T06:00:00Z', '2026-05-05T07:50:00Z', { preparationMinutes: 45 });
    const line = computeClaimLine(
      {
        ...bookedWork(booking),
        kmTenths: 0,
        carTravelDate: null,
        publicTransportCents: 0,
        parkingCents: 0,
        otherCostsCents: 0,
        taxPercent: null,
        payee: 'expert',
      },
      RATES,
      DEFAULT_TRAVEL_RATES,
    );
    expect(expectedFeeCents(booking, RATES)).toBe(line.grossFeeCents);
  });

  it('is null for work on a day no rate covers', () => {
    expect(expectedFeeCents(work('2024-06-01T07:00:00Z', '2024-06-01T08:00:00Z'), RATES)).toBeNull();
  });
});

describe('earningsCeilingCheck', () => {
  const held = [
    work('2026-02-03T07:00:00Z', '2026-02-03T09:00:00Z'),
    work('2026-02-10T07:00:00Z', '2026-02-10T09:00:00Z'),
  ];
  const offered = work('2026-03-03T07:00:00Z', '2026-03-03T09:00:00Z');

  it('prices the held work and the offer from the rates it is given', () => {
    expect(earningsCeilingCheck(held, offered, 100_000, RATES)).toEqual({
      earnedCents: 2 * 7843,
      expectedCents: 7843,
      crosses: false,
    });
    expect(earningsCeilingCheck(held, offered, 100_000, DEFAULT_FEE_RATES)).toEqual({
      earnedCents: 2 * 6250,
      expectedCents: 6250,
      crosses: false,
    });
  });

  it('warns only past the ceiling: reaching it exactly is allowed', () => {
    expect(earningsCeilingCheck(held, offered, 3 * 7843, RATES).crosses).toBe(false);
    expect(earningsCeilingCheck(held, offered, 3 * 7843 - 1, RATES).crosses).toBe(true);
  });

  it('warns under a raised rate where the old one would not', () => {
    const ceiling = 20_000; // 3 × 62.50 € fits, 3 × 78.43 € does not
    expect(earningsCeilingCheck(held, offered, ceiling, DEFAULT_FEE_RATES).crosses).toBe(false);
    expect(earningsCeilingCheck(held, offered, ceiling, RATES).crosses).toBe(true);
  });
});
