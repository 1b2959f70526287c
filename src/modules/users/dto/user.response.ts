import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role } from '../../../common/auth/role.enum';
import { Language } from '../../../common/i18n/language';
import { UserEntity, UserStatus } from '../entities/user.entity';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ enum: UserStatus, enumName: 'UserStatus' }) status: UserStatus;
  @ApiProperty({ enum: Language, enumName: 'Language' }) language: Language;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) lastLoginAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class UserPageResponse {
  @ApiProperty({ type: [UserResponse] }) items: UserResponse[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export function toUserResponse(user: UserEntity): UserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    language: user.language,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
