import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { MatchesPattern } from '../../../common/validation/matches-pattern.decorator';
import { Language } from '../../../common/i18n/language';
import { IsEmailAddress } from '../../../common/validation/text.decorators';

export class CreateAccessibilityFeedbackDto {
  @ApiProperty({ minLength: 1, maxLength: 4000, example: 'Lomakkeen virheilmoitusta ei lueta ruudunlukijalla.' })
  @IsString()
  @Length(1, 4000)
  @MatchesPattern(/\S/, { message: 'message must not be blank' })
  message: string;

  @ApiPropertyOptional({ maxLength: 320, description: 'To answer the sender' })
  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({
    maxLength: 500,
    example: '/offers/3f2a',
    description: 'The path of the page, without query or fragment',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @MatchesPattern(/^\/[^\s?#]*$/, { message: 'page must be a path that starts with / and has no query or fragment' })
  page?: string;

  @ApiPropertyOptional({ enum: Language, enumName: 'Language', description: 'The language of the page, to answer in' })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;
}
