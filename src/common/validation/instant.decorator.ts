import { applyDecorators } from '@nestjs/common';
import { IsISO8601, isISO8601, ValidateBy, ValidationArguments } from 'class-validator';
import { MatchesPattern } from './matches-pattern.decorator';

// An instant needs its offset: "2026-10-18T09:00" alone would mean a different moment to every server.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function IsInstant(): PropertyDecorator {
  return applyDecorators(
    MatchesPattern(INSTANT, {
      message: '$property must be an ISO 8601 date-time with an offset, e.g. 2026-10-18T09:00:00+03:00',
    }),
    IsISO8601({ strict: true }, { message: '$property must be a real date and time' }),
  );
}

function millis(value: unknown): number {
  return typeof value === 'string' && INSTANT.test(value) && isISO8601(value, { strict: true })
    ? Date.parse(value)
    : NaN;
}

// The end of a half-open range [start, end): strictly after the start. Silent when either side is
// malformed; that side's own format error names it.
export function IsAfterInstant(startProperty: string): PropertyDecorator {
  return ValidateBy({
    name: 'isAfter',
    constraints: [startProperty],
    validator: {
      validate: (value: unknown, args: ValidationArguments) => {
        const start = millis((args.object as Record<string, unknown>)[startProperty]);
        const end = millis(value);
        return Number.isNaN(start) || Number.isNaN(end) || end > start;
      },
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be after ${startProperty}`,
    },
  });
}

export function MaxHoursAfter(startProperty: string, hours: number): PropertyDecorator {
  return ValidateBy({
    name: 'maxHoursAfter',
    constraints: [startProperty, hours],
    validator: {
      validate: (value: unknown, args: ValidationArguments) => {
        const start = millis((args.object as Record<string, unknown>)[startProperty]);
        const end = millis(value);
        return Number.isNaN(start) || Number.isNaN(end) || end - start <= hours * 3_600_000;
      },
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} must be at most ${hours} hours after ${startProperty}`,
    },
  });
}
