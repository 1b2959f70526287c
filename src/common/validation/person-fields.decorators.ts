import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { Language } from '../i18n/language';
import { IsEmailAddress, Trimmed } from './text.decorators';

// The fields of a person an account is made for (an application, an invitation) or whose profile changes. Listed in
// the order stacked decorators would apply (bottom first), so the checks run and are reported as they did.

// The address a new account is made for, as typed (spaces around it dropped).
export function NewAccountEmail(example: string): PropertyDecorator {
  return applyDecorators(IsEmailAddress(), Trimmed(), ApiProperty({ example, maxLength: 320 }));
}

// A person's name, without the spaces around it, so that one of spaces only is refused as empty; optional where a
// profile changes only what it names.
export function PersonName(options: { optional?: boolean } = {}): PropertyDecorator {
  const doc = { example: 'Maija Meikäläinen', minLength: 1, maxLength: 200 };
  return options.optional
    ? applyDecorators(Length(1, 200), IsString(), Trimmed(), IsOptional(), ApiPropertyOptional(doc))
    : applyDecorators(Length(1, 200), IsString(), Trimmed(), ApiProperty(doc));
}

// The language of a new account's mail and documents, Finnish unless said.
export function MailLanguage(): PropertyDecorator {
  return applyDecorators(
    IsEnum(Language),
    IsOptional(),
    ApiPropertyOptional({ enum: Language, enumName: 'Language', default: Language.Fi }),
  );
}
