import { DomainError } from '../../common/errors/domain-error';
import { checkAbsence, checkValidity, UnavailableReason, unavailableReasons, windowMinutes } from './availability.rule';

function fieldOf(run: () => unknown): { field: string; code: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    const [{ field, code }] = error.fields;
    return { field, code };
  }
}

describe('windowMinutes', () => {
  it('turns a local window into minutes of the day', () => {
    expect(windowMinutes('09:00', '12:00')).toEqual({ startMinute: 540, endMinute: 720 });
    expect(windowMinutes('00:00', '24:00')).toEqual({ startMinute: 0, endMinute: 1440 });
  });

  it.each([
    ['an end before the start', '12:00', '09:00', { field: 'to', code: 'notAfterFrom' }],
    ['an empty window', '09:00', '09:00', { field: 'to', code: 'notAfterFrom' }],
    ['a start at 24:00', '24:00', '24:00', { field: 'from', code: 'isLocalTime' }],
    ['a malformed start', '9:00', '12:00', { field: 'from', code: 'isLocalTime' }],
    ['a malformed end', '09:00', '12:60', { field: 'to', code: 'isLocalTime' }],
  ])('refuses %s', (_label, from, to, expected) => {
    expect(fieldOf(() => windowMinutes(from, to))).toEqual(expected);
  });
});

describe('checkValidity', () => {
  it('accepts an open end, a one-day period and a later end', () => {
    expect(fieldOf(() => checkValidity('2026-01-01', null))).toBeNull();
    expect(fieldOf(() => checkValidity('2026-01-01', '2026-01-01'))).toBeNull();
    expect(fieldOf(() => checkValidity('2026-01-01', '2026-12-31'))).toBeNull();
  });

  it('refuses an end before the start', () => {
    expect(fieldOf(() => checkValidity('2026-01-02', '2026-01-01'))).toEqual({
      field: 'validUntil',
      code: 'beforeValidFrom',
    });
  });
});

describe('checkAbsence', () => {
  it('accepts a single day and a three-week holiday', () => {
    expect(fieldOf(() => checkAbsence('2026-07-01', '2026-07-01'))).toBeNull();
    expect(fieldOf(() => checkAbsence('2026-07-01', '2026-07-21'))).toBeNull();
  });

  it('refuses a last day before the first', () => {
    expect(fieldOf(() => checkAbsence('2026-07-21', '2026-07-01'))).toEqual({
      field: 'lastDay',
      code: 'beforeFirstDay',
    });
  });
});

describe('unavailableReasons', () => {
  const fine = { active: true, crossesMidnight: false, absent: false, covered: true };

  it('gives none when everything holds', () => {
    expect(unavailableReasons(fine)).toEqual([]);
  });

  it.each([
    [{ active: false }, [UnavailableReason.NotActive]],
    [{ absent: true }, [UnavailableReason.Absent]],
    [{ covered: false }, [UnavailableReason.NoWindow]],
    [{ crossesMidnight: true, covered: false }, [UnavailableReason.CrossesMidnight]],
    [
      { active: false, absent: true, covered: false },
      [UnavailableReason.NotActive, UnavailableReason.Absent, UnavailableReason.NoWindow],
    ],
  ])('names every failing condition: %o', (change, expected) => {
    expect(unavailableReasons({ ...fine, ...change })).toEqual(expected);
  });
});
