import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { Language } from '../../../common/i18n/language';

export class UpdateMeDto {
  @ApiPropertyOptional({ enum: Language, enumName: 'Language', description: 'Of the screens, mail and documents' })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;
}
