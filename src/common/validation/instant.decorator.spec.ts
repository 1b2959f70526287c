import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsAfterInstant, IsInstant, MaxHoursAfter } from './instant.decorator';

class Range {
  @IsInstant()
  start: string;

  @IsInstant()
  @IsAfterInstant('start')
  @MaxHoursAfter('start', 24)
  end: string;
}

function failures(start: unknown, end: unknown): string[] {
  return validateSync(plainToInstance(Range, { start, end })).flatMap((e) =>
    Object.keys(e.constraints ?? {}).map((code) => `${e.property}:${code}`),
  );
}

describe('instant range validation', () => {
  it.each([
    ['2026-10-18T09:00:00+03:00', '2026-10-18T12:00:00+03:00'],
    ['2026-10-18T06:00Z', '2026-10-18T09:00:00.000Z'],
    // The same wall-clock hours written with the two different offsets of the same day.
    ['2026-10-25T00:30:00+03:00', '2026-10-25T03:30:00+02:00'],
    ['2026-10-18T06:00:00Z', '2026-10-19T06:00:00Z'],
  ])('accepts %s – %s', (start, end) => {
    expect(failures(start, end)).toEqual([]);
  });

  it.each([
    ['no offset', '2026-10-18T09:00:00', '2026-10-18T12:00:00Z', ['start:matches']],
    ['a date only', '2026-10-18T09:00:00Z', '2026-10-18', ['end:matches']],
    ['an impossible date', '2026-02-30T09:00:00Z', '2026-03-01T09:00:00Z', ['start:isIso8601']],
    ['not a string', 5, '2026-10-18T12:00:00Z', ['start:matches', 'start:isIso8601']],
    ['an end before the start', '2026-10-18T12:00:00Z', '2026-10-18T09:00:00Z', ['end:isAfter']],
    ['an empty range', '2026-10-18T09:00:00Z', '2026-10-18T09:00:00Z', ['end:isAfter']],
    ['24 h and a second', '2026-10-18T06:00:00Z', '2026-10-19T06:00:01Z', ['end:maxHoursAfter']],
  ])('refuses %s', (_label, start, end, expected) => {
    expect(failures(start, end).sort()).toEqual(expected.sort());
  });
});
