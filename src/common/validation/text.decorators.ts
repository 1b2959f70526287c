import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';

// Text a person typed, without the spaces around it, before any rule judges its length.
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

// An e-mail address: at most 320 characters (RFC 3696). Registered as stacked `@IsEmail() @MaxLength(320)` would be,
// so the errors come in the same order.
export const IsEmailAddress = (): PropertyDecorator => applyDecorators(MaxLength(320), IsEmail());
