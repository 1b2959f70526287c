import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Matches, ValidationOptions } from 'class-validator';

// A `matches` rule that the OpenAPI document states as well, as the property's pattern (its items' for `each`): a
// client learns the format from the document before the API refuses it.
export function MatchesPattern(pattern: RegExp, options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(
    Matches(pattern, options),
    ApiProperty(options.each ? { items: { type: 'string', pattern: pattern.source } } : { pattern: pattern.source }),
  );
}
