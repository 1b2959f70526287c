import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { LinkToken, NewPassword } from './password-fields.decorator';
import { IsEmailAddress } from '../../../common/validation/text.decorators';

export class PasswordResetRequestDto {
  @ApiProperty({ maxLength: 320, example: 'maija@example.fi' })
  @IsEmailAddress()
  email: string;
}

export class PasswordResetConfirmDto {
  @LinkToken('The token from the reset link (after #token=)')
  token: string;

  @NewPassword()
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 128 })
  @IsString()
  @MaxLength(128)
  currentPassword: string;

  @NewPassword()
  newPassword: string;
}
