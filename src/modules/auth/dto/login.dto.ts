import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@ostrobothnia.invalid' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(128)
  password: string;

  @ApiPropertyOptional({
    enum: ['cookie'],
    description:
      'cookie (browsers): the refresh token is set in the httpOnly cookie kokemus_refresh (Path=/api/auth) with a ' +
      'readable CSRF cookie kokemus_csrf, and left out of the body. Absent: the refresh token is in the body.',
  })
  @IsOptional()
  @IsIn(['cookie'])
  session?: 'cookie';
}
