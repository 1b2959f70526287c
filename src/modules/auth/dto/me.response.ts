import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../../../common/auth/role.enum';
import { Language } from '../../../common/i18n/language';
import { AuthUser } from '../../../common/auth/auth-context';

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ enum: Language, enumName: 'Language' }) language: Language;
}

export function toMeResponse(user: AuthUser): MeResponse {
  return { id: user.id, email: user.email, name: user.name, role: user.role, language: user.language };
}
