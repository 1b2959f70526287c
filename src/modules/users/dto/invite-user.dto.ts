import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { Role } from '../../../common/auth/role.enum';
import { Language } from '../../../common/i18n/language';
import { MailLanguage, NewAccountEmail, PersonName } from '../../../common/validation/person-fields.decorators';

export class InviteUserDto {
  @NewAccountEmail('maija.meikalainen@ostrobothnia.invalid')
  email: string;

  @PersonName()
  name: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsEnum(Role)
  role: Role;

  @MailLanguage()
  language: Language = Language.Fi;
}
