import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN } from '../password-policy.rule';

// Listed in the order stacked decorators would apply (bottom first), so the checks run as they did.

// A password being chosen: the policy's length here, its other rules in the service.
export function NewPassword(): PropertyDecorator {
  return applyDecorators(
    Length(PASSWORD_MIN, PASSWORD_MAX),
    IsString(),
    ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }),
  );
}

// The token of a one-time link (an invitation or a password reset).
export function LinkToken(description: string): PropertyDecorator {
  return applyDecorators(Length(20, 200), IsString(), ApiProperty({ description, minLength: 20, maxLength: 200 }));
}
