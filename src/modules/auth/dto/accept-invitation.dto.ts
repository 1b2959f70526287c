import { LinkToken, NewPassword } from './password-fields.decorator';

export class AcceptInvitationDto {
  @LinkToken('The token from the invitation link')
  token: string;

  @NewPassword()
  password: string;
}
