import { countyToday, countyYear, nextDay, startOfHelsinkiDay } from './helsinki-date';

describe('the county calendar, whatever the device zone', () => {
  it('tells today in Helsinki: already tomorrow there late in the UTC evening, in winter and in summer', () => {
    expect(countyToday(new Date('2026-12-31T21:59:00Z'))).toBe('2026-12-31');
    expect(countyToday(new Date('2026-12-31T22:00:00Z'))).toBe('2027-01-01');
    expect(countyToday(new Date('2026-06-30T20:59:00Z'))).toBe('2026-06-30');
    expect(countyToday(new Date('2026-06-30T21:00:00Z'))).toBe('2026-07-01');
  });

  it("tells the county's year the same way", () => {
    expect(countyYear(new Date('2026-12-31T21:59:00Z'))).toBe(2026);
    expect(countyYear(new Date('2026-12-31T22:00:00Z'))).toBe(2027);
  });

  it('begins a day at local midnight and names the day after', () => {
    expect(startOfHelsinkiDay('2026-01-15')).toBe('2026-01-15T00:00:00+02:00');
    expect(startOfHelsinkiDay('2026-07-15')).toBe('2026-07-15T00:00:00+03:00');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
