import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { Role } from '../../../common/auth/role.enum';
import { Language } from '../../../common/i18n/language';
import { IsEmailAddress, Trimmed } from '../../../common/validation/text.decorators';

export class InviteUserDto {
  @ApiProperty({ example: 'maija.meikalainen@ostrobothnia.invalid' })
  @Trimmed()
  @IsEmailAddress()
  email: string;

  @ApiProperty({ example: 'Maija Meikäläinen' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsEnum(Role)
  role: Role;

  @ApiPropertyOptional({ enum: Language, enumName: 'Language', default: Language.Fi })
  @IsOptional()
  @IsEnum(Language)
  language: Language = Language.Fi;
}
