import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { Language } from '../../../common/i18n/language';
import { PersonName } from '../../../common/validation/person-fields.decorators';

export class UpdateUserDto {
  @PersonName({ optional: true })
  name?: string;

  @ApiPropertyOptional({ enum: Language, enumName: 'Language' })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;
}
