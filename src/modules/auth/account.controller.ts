import { Body, Controller, HttpCode, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { AuthContext, AuthUser } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { AccountService } from './account.service';
import { MeResponse } from './dto/me.response';
import { ChangePasswordDto } from './dto/password.dto';
import { UpdateMeDto } from './dto/update-me.dto';

// Guessing the current password with a stolen access token is limited like guessing at login, per account.
const accountTracker = (req: Record<string, unknown>): string =>
  `me-password:${(req.user as AuthUser | undefined)?.id}`;

@ApiTags('auth')
@Controller()
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @ApiOperation({ summary: 'Change my language' })
  @Patch('me')
  @Authenticated()
  @ApiOkResponse({
    type: MeResponse,
    description: 'The updated account; mail and documents use the new language from now on',
  })
  update(@CurrentUser() ctx: AuthContext, @Body() dto: UpdateMeDto): Promise<MeResponse> {
    return this.account.update(ctx, dto);
  }

  @ApiOperation({ summary: 'Change my password' })
  @Post('me/password')
  @Authenticated()
  @UseGuards(ThrottlerGuard)
  @Throttle({ account: { getTracker: accountTracker } })
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Password changed; this session goes on, every other session of the account has ended',
  })
  @ApiProblem(400, 'CURRENT_PASSWORD_WRONG (field currentPassword), or VALIDATION_FAILED')
  @ApiProblem(429, 'TOO_MANY_REQUESTS: too many attempts for this account; wait and try again')
  changePassword(@CurrentUser() ctx: AuthContext, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.account.changePassword(ctx, dto);
  }
}
