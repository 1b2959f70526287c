import { formatLocalTime, LOCAL_TIME_PATTERN, parseLocalTime } from './local-time.util';

describe('parseLocalTime', () => {
  it.each([
    ['00:00', 0],
    ['09:00', 540],
    ['12:15', 735],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('reads %s as minute %i', (value, minutes) => {
    expect(parseLocalTime(value)).toBe(minutes);
  });

  it.each(['9:00', '09:0', '24:01', '25:00', '12:60', '12:00:00', '12.00', ' 12:00', '', 'noon'])(
    'refuses %p',
    (value) => {
      expect(parseLocalTime(value)).toBeNull();
    },
  );
});

describe('LOCAL_TIME_PATTERN', () => {
  it('allows 24:00 only as an end', () => {
    expect(LOCAL_TIME_PATTERN.test('23:59')).toBe(true);
    expect(LOCAL_TIME_PATTERN.test('24:00')).toBe(false);
  });
});

describe('formatLocalTime', () => {
  it.each([
    [0, '00:00'],
    [540, '09:00'],
    [735, '12:15'],
    [1440, '24:00'],
  ])('writes minute %i as %s', (minutes, text) => {
    expect(formatLocalTime(minutes)).toBe(text);
  });

  it.each([-1, 1441, 1.5])('refuses %p', (minutes) => {
    expect(() => formatLocalTime(minutes)).toThrow(RangeError);
  });

  it('round-trips every minute of the day', () => {
    for (let m = 0; m <= 1440; m++) expect(parseLocalTime(formatLocalTime(m))).toBe(m);
  });
});
