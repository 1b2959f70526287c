import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import { Authenticated, Public } from '../../common/auth/authenticated.decorator';
import { CurrentUser, Meta } from '../../common/auth/current-user.decorator';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { AuthService } from './auth.service';
import { BrowserSessionService } from './browser-session.service';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { LoginDto } from './dto/login.dto';
import { MeResponse, toMeResponse } from './dto/me.response';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/password.dto';
import { RefreshDto } from './dto/refresh.dto';
import { TokenResponse } from './dto/token.response';
import { PasswordResetService } from './password-reset.service';

const COOKIE_SET =
  'With the cookie session: Set-Cookie kokemus_refresh (httpOnly, SameSite=Strict, Path=/api/auth) and kokemus_csrf ' +
  '(readable, SameSite=Strict, Path=/); Secure unless PUBLIC_URL is plain http on localhost or outside production.';
const CSRF_HEADER_DOC = {
  name: 'X-CSRF-Token',
  required: false,
  description: 'When the kokemus_refresh cookie is used: the current value of the kokemus_csrf cookie',
};

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly service: AuthService,
    private readonly browser: BrowserSessionService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @Post('auth/login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ description: COOKIE_SET })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblem(429, 'TOO_MANY_REQUESTS: too many attempts for this account or address')
  @ApiProblem(401, 'INVALID_CREDENTIALS: e-mail or password is wrong')
  login(
    @Meta() meta: RequestMeta,
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    return this.browser.login(meta, dto, request, reply);
  }

  @ApiOperation({ summary: 'Exchange a refresh token for new tokens' })
  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    description: `The refresh token from the body, or else from the kokemus_refresh cookie (then X-CSRF-Token is required and the new token goes back in the cookie). ${COOKIE_SET}`,
  })
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiBody({ type: RefreshDto, required: false })
  @ApiOkResponse({ type: TokenResponse, description: 'A new pair; the refresh token sent is now spent' })
  @ApiProblem(401, 'INVALID_REFRESH_TOKEN: sign in again')
  @ApiProblem(403, 'CSRF_TOKEN_INVALID')
  refresh(
    @Meta() meta: RequestMeta,
    @Body() dto: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    return this.browser.refresh(meta, dto.refreshToken, request, reply);
  }

  @ApiOperation({ summary: "Sign out: revoke the session's refresh token" })
  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    description:
      'Ends the session of the bearer token, or of the kokemus_refresh cookie (then X-CSRF-Token is required and both cookies are cleared).',
  })
  @ApiBearerAuth()
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiNoContentResponse({ description: 'The session and its tokens end' })
  @ApiProblem(401, 'UNAUTHENTICATED: neither a valid access token nor a session cookie')
  @ApiProblem(403, 'CSRF_TOKEN_INVALID')
  logout(
    @Meta() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    return this.browser.logout(meta, request, reply);
  }

  @ApiOperation({ summary: 'Set a password with an invitation token and activate the account' })
  @Post('auth/invitations/accept')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password set; the account is active' })
  @ApiProblem(410, 'INVALID_INVITATION: the link is unknown, used or expired')
  acceptInvitation(@Meta() meta: RequestMeta, @Body() dto: AcceptInvitationDto): Promise<void> {
    return this.service.acceptInvitation(meta, dto);
  }

  @ApiOperation({ summary: 'Ask for a password reset link by mail' })
  @Post('auth/password-reset')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      'If an active account has the address, a link valid for an hour is mailed to it; the answer is the same either way',
  })
  @ApiProblem(429, 'TOO_MANY_REQUESTS: too many requests for this address or from this client')
  requestPasswordReset(@Meta() meta: RequestMeta, @Body() dto: PasswordResetRequestDto): void {
    this.passwordReset.request(meta, dto.email);
  }

  @ApiOperation({ summary: 'Set a new password with a reset link' })
  @Post('auth/password-reset/confirm')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password set; every session of the account has ended' })
  @ApiProblem(410, 'INVALID_RESET_LINK: unknown, used or expired')
  confirmPasswordReset(@Meta() meta: RequestMeta, @Body() dto: PasswordResetConfirmDto): Promise<void> {
    return this.passwordReset.confirm(meta, dto);
  }

  @ApiOperation({ summary: 'The signed-in user' })
  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() ctx: AuthContext): MeResponse {
    return toMeResponse(ctx.user);
  }
}
