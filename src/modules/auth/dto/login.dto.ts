import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../demo';
import { IsEmailAddress } from '../../../common/validation/text.decorators';

export class LoginDto {
  // The examples are a demo login: "Try it out" in /docs signs in to the embedded mode's (or seed-demo's) data.
  @ApiProperty({ maxLength: 320, example: `coordinator@${DEMO_DOMAIN}` })
  @IsEmailAddress()
  email: string;

  @ApiProperty({ maxLength: 128, example: DEMO_PASSWORD })
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
