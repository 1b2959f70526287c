import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import { Authenticated, Public } from '../../common/auth/authenticated.decorator';
import { CurrentUser, Meta } from '../../common/auth/current-user.decorator';
import { ProblemResponse } from '../../common/errors/problem';
import { AuthService } from './auth.service';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { LoginDto } from './dto/login.dto';
import { MeResponse, toMeResponse } from './dto/me.response';
import { RefreshDto } from './dto/refresh.dto';
import { TokenResponse } from './dto/token.response';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly service: AuthService) {}

  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @Post('auth/login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponse })
  @ApiTooManyRequestsResponse({ type: ProblemResponse, description: 'Too many attempts for this account or address' })
  login(@Meta() meta: RequestMeta, @Body() dto: LoginDto): Promise<TokenResponse> {
    return this.service.login(meta, dto);
  }

  @ApiOperation({ summary: 'Exchange a refresh token for new tokens' })
  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponse, description: 'A new pair; the refresh token sent is now spent' })
  refresh(@Meta() meta: RequestMeta, @Body() dto: RefreshDto): Promise<TokenResponse> {
    return this.service.refresh(meta, dto.refreshToken);
  }

  @ApiOperation({ summary: "Sign out: revoke the session's refresh token" })
  @Post('auth/logout')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session and its tokens end' })
  logout(@CurrentUser() ctx: AuthContext): Promise<void> {
    return this.service.logout(ctx);
  }

  @ApiOperation({ summary: 'Set a password with an invitation token and activate the account' })
  @Post('auth/invitations/accept')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password set; the account is active' })
  acceptInvitation(@Meta() meta: RequestMeta, @Body() dto: AcceptInvitationDto): Promise<void> {
    return this.service.acceptInvitation(meta, dto);
  }

  @ApiOperation({ summary: 'The signed-in user' })
  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() ctx: AuthContext): MeResponse {
    return toMeResponse(ctx.user);
  }
}
