import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { Role } from '../../../common/auth/role.enum';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { UserStatus } from '../entities/user.entity';

export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ enum: UserStatus, enumName: 'UserStatus' })
  @IsOptional()
  @IsEnum(UserStatus)
  status?: UserStatus;

  @ApiPropertyOptional({ description: 'Part of the name or e-mail address', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;
}
