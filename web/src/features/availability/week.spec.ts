import { formatWeekdayName } from '../../i18n/format';
import { addDays, isoWeekday, isoWeekNumber, localTime, mondayOf, weekPlan } from './week';

describe('the week of my times', () => {
  it('finds the Monday and the ISO week number, across a year boundary', () => {
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(isoWeekNumber('2026-12-03')).toBe(49);
    // 1 January 2027 is a Friday: it belongs to the last week of 2026 (week 53).
    expect(isoWeekNumber('2027-01-01')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
    // The clocks change on 29 March 2026: a day is still a day.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('names the weekdays in each language, Monday first', () => {
    expect([1, 3, 7].map((d) => formatWeekdayName('fi', d))).toEqual(['maanantai', 'keskiviikko', 'sunnuntai']);
    expect([1, 3, 7].map((d) => formatWeekdayName('sv', d))).toEqual(['måndag', 'onsdag', 'söndag']);
    expect(formatWeekdayName('en', 1)).toBe('Monday');
  });

  it('writes times as they are written in Finland', () => {
    expect(localTime('09:00')).toBe('9.00');
    expect(localTime('15:30')).toBe('15.30');
    expect(localTime('24:00')).toBe('24.00');
  });

  it('puts weekly hours on the days they apply, single dates on their day, and marks absences', () => {
    const plan = weekPlan(
      {
        weekly: [
          { id: 'a', weekday: 3, from: '09:00', to: '12:00', validFrom: '2026-12-01', validUntil: null },
          // Ended before this week.
          { id: 'b', weekday: 1, from: '09:00', to: '12:00', validFrom: '2026-01-01', validUntil: '2026-11-29' },
        ],
        oneOff: [{ id: 'c', date: '2026-12-02', from: '07:30', to: '08:30' }],
        absences: [{ id: 'd', firstDay: '2026-12-05', lastDay: '2026-12-20' }],
      },
      '2026-11-30',
    );
    expect(plan.map((d) => [d.date, d.hours.map((h) => `${h.from}-${h.to}${h.single ? '*' : ''}`), d.absent])).toEqual([
      ['2026-11-30', [], false],
      ['2026-12-01', [], false],
      ['2026-12-02', ['07:30-08:30*', '09:00-12:00'], false],
      ['2026-12-03', [], false],
      ['2026-12-04', [], false],
      ['2026-12-05', [], true],
      ['2026-12-06', [], true],
    ]);
  });
});
