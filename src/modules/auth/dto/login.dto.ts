import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../demo/demo-data';

export class LoginDto {
  // The examples are a demo login: "Try it out" in /docs signs in to the embedded mode's (or seed-demo's) data.
  @ApiProperty({ example: `coordinator@${DEMO_DOMAIN}` })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: DEMO_PASSWORD })
  @IsString()
  @MaxLength(128)
  password: string;
}
