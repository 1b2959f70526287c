import { applyDecorators } from '@nestjs/common';
import { IsISO8601 } from 'class-validator';
import { MatchesPattern } from './matches-pattern.decorator';

// A calendar date, YYYY-MM-DD, that exists (no 2026-02-30).
export function IsDateOnly(): PropertyDecorator {
  return applyDecorators(
    MatchesPattern(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );
}
