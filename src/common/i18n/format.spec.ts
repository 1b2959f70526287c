import { DateTime } from 'luxon';
import { calendarDay, countyTime, formatDate, formatDateTime, formatMoney, formatTimeRange, localDate } from './format';

describe('document formats', () => {
  it('writes a date the Nordic way in Finnish and Swedish, and in three English styles', () => {
    expect(formatDate('2026-03-03', 'fi')).toBe('3.3.2026');
    expect(formatDate('2026-12-24', 'sv')).toBe('24.12.2026');
    expect(formatDate('2026-03-03', 'en')).toBe('3 March 2026');
    expect(formatDate('2026-09-03', 'en', 'short')).toBe('3 Sep 2026');
    expect(formatDate('2026-03-03', 'en', 'numeric')).toBe('03/03/2026');
    expect(formatDate({ year: 2027, month: 1, day: 9 }, 'fi', 'numeric')).toBe('9.1.2027');
  });

  it('writes a time in a mail as the county does: weekday, date, klo or kl., a period between hours', () => {
    const [start, end] = [new Date('2027-02-03T08:00:00Z'), new Date('2027-02-03T10:00:00Z')];
    expect(formatTimeRange(start, end, 'fi')).toBe('ke 3.2.2027 klo 10.00–12.00');
    expect(formatTimeRange(start, end, 'sv')).toBe('ons 3.2.2027 kl. 10.00–12.00');
    expect(formatTimeRange(start, end, 'en')).toBe('Wed 3 February 2027, 10:00–12:00');
    expect(formatDateTime(start, 'fi')).toBe('ke 3.2.2027 klo 10.00');
    expect(formatDateTime(start, 'sv')).toBe('ons 3.2.2027 kl. 10.00');
    expect(formatDateTime(start, 'en')).toBe('Wed 3 February 2027, 10:00');
    // Over midnight, each end with its own day.
    const late = [new Date('2027-02-03T20:00:00Z'), new Date('2027-02-03T23:30:00Z')] as const;
    expect(formatTimeRange(...late, 'fi')).toBe('ke 3.2.2027 klo 22.00 – to 4.2.2027 klo 1.30');
    expect(formatTimeRange(...late, 'en')).toBe('Wed 3 February 2027, 22:00 – Thu 4 February 2027, 1:30');
  });

  it('refuses what is not a YYYY-MM-DD date', () => {
    for (const bad of ['2026-3-3', '2026-13-01', '2026-00-10', '2026-01-32', '03.03.2026', '']) {
      expect(() => calendarDay(bad)).toThrow(RangeError);
    }
  });

  it('reads an instant in Helsinki time, summer and winter', () => {
    expect(countyTime('2026-06-30T21:30:00Z').toFormat('yyyy-MM-dd HH:mm')).toBe('2026-07-01 00:30');
    expect(countyTime('2026-12-31T22:30:00Z').toFormat('yyyy-MM-dd HH:mm')).toBe('2027-01-01 00:30');
    expect(localDate(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
    expect(() => countyTime('not-an-instant')).toThrow(RangeError);
  });

  it("gives an instant's Helsinki date as luxon does, every 7 min 13 s around both daylight-saving changes", () => {
    for (const [from, to] of [
      ['2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z'],
      ['2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z'],
      ['1999-12-31T20:00:00Z', '2000-01-01T04:00:00Z'],
    ]) {
      for (let t = Date.parse(from); t < Date.parse(to); t += 7 * 60_000 + 13_000) {
        const at = new Date(t);
        expect(localDate(at)).toBe(DateTime.fromJSDate(at, { zone: 'Europe/Helsinki' }).toISODate());
      }
    }
  });

  it('writes an amount with grouped thousands, two decimals and the euro where each language puts it', () => {
    expect(formatMoney(125000, 'fi')).toBe('1\u00a0250,00\u00a0€');
    expect(formatMoney(5, 'sv')).toBe('0,05\u00a0€');
    expect(formatMoney(123456789, 'en')).toBe('€1,234,567.89');
    expect(formatMoney(-1050, 'en')).toBe('-€10.50');
    // A km rate of 57.5 cents keeps its half cent on paper.
    expect(formatMoney(57.5, 'fi')).toBe('0,575\u00a0€');
    expect(formatMoney(57.5, 'en')).toBe('€0.575');
  });
});
