import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Language } from '../../../common/i18n/language';

export class ApplyDto {
  @ApiProperty({ example: 'maija@example.org' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Maija Meikäläinen' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ enum: Language, enumName: 'Language', default: Language.Fi })
  @IsOptional()
  @IsEnum(Language)
  language: Language = Language.Fi;
}
