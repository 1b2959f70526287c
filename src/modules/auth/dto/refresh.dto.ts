import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class RefreshDto {
  @ApiPropertyOptional({
    minLength: 20,
    maxLength: 200,
    description:
      'The refresh token from login or the previous refresh. Absent: the kokemus_refresh cookie is used, and the ' +
      'X-CSRF-Token header must repeat the kokemus_csrf cookie.',
  })
  @IsOptional()
  @IsString()
  @Length(20, 200)
  refreshToken?: string;
}
