import { helsinkiInstant, helsinkiParts } from './helsinki-time';

describe('Helsinki wall clock', () => {
  it.each([
    ['2027-02-03', '10:00', '2027-02-03T08:00:00.000Z'],
    ['2026-07-01', '10:00', '2026-07-01T07:00:00.000Z'],
    ['2026-10-25', '12:00', '2026-10-25T10:00:00.000Z'],
    ['2026-03-29', '04:30', '2026-03-29T01:30:00.000Z'],
  ])('%s %s is %s', (date, time, iso) => {
    expect(helsinkiInstant(date, time)).toBe(iso);
    expect(helsinkiParts(iso)).toEqual({ date, time });
  });
});
