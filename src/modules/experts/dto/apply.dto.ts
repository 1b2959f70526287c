import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { Language } from '../../../common/i18n/language';
import { IsEmailAddress, Trimmed } from '../../../common/validation/text.decorators';

export class ApplyDto {
  @ApiProperty({ example: 'maija@example.org' })
  @Trimmed()
  @IsEmailAddress()
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
