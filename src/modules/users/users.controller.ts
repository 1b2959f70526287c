import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { ApiIdempotencyKey, idempotencyKey } from '../../common/http/idempotency-key.util';
import { IdParam } from '../../common/validation/parse-uuid.pipe';
import { ChangeRoleDto } from './dto/change-role.dto';
import { InviteUserDto } from './dto/invite-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserPageResponse, UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@Authenticated({ roles: [Role.Admin, Role.Coordinator] })
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @ApiOperation({ summary: 'Invite a person (creates the account and mails a one-time link)' })
  @Post()
  @ApiIdempotencyKey('the form answers with the person it invited the first time and mails nobody again')
  @ApiCreatedResponse({
    type: UserResponse,
    description:
      'Invited; the invitation mail is queued. With an Idempotency-Key you used before, the person invited with it, as they are now',
  })
  @ApiProblem(403, 'ROLE_NOT_ALLOWED, or ROLE_NOT_GRANTABLE: a coordinator invites only orderers and experts')
  @ApiProblem(409, 'EMAIL_TAKEN (field email, code taken)')
  invite(
    @CurrentUser() ctx: AuthContext,
    @Body() dto: InviteUserDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<UserResponse> {
    return this.service.invite(ctx, dto, idempotencyKey(key));
  }

  @ApiOperation({ summary: 'Accounts' })
  @Get()
  @ApiOkResponse({ type: UserPageResponse })
  list(@CurrentUser() ctx: AuthContext, @Query() query: ListUsersQuery): Promise<UserPageResponse> {
    return this.service.list(ctx, query);
  }

  @ApiOperation({ summary: 'One account' })
  @Get(':id')
  @ApiOkResponse({ type: UserResponse })
  @ApiProblem(404, 'USER_NOT_FOUND')
  get(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<UserResponse> {
    return this.service.get(ctx, id);
  }

  @ApiOperation({ summary: 'Change an account' })
  @Patch(':id')
  @ApiOkResponse({ type: UserResponse })
  @ApiProblem(404, 'USER_NOT_FOUND')
  update(@CurrentUser() ctx: AuthContext, @IdParam() id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return this.service.update(ctx, id, dto);
  }

  @ApiOperation({
    summary: "Change an account's role",
    description:
      'Refused for your own account, for the last active admin, for an expert with certificates, offers or work, ' +
      'and for an orderer who still belongs to a unit or project. Ends the sessions of the account.',
  })
  @Put(':id/role')
  @ApiOkResponse({ type: UserResponse })
  @ApiProblem(403, 'ROLE_NOT_ALLOWED, or ROLE_NOT_GRANTABLE: a coordinator grants only orderer and expert roles')
  @ApiProblem(404, 'USER_NOT_FOUND')
  @ApiProblem(409, 'CANNOT_CHANGE_OWN_ROLE, LAST_ADMIN, EXPERT_HAS_RECORDS, ORDERER_HAS_MEMBERSHIPS')
  changeRole(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<UserResponse> {
    return this.service.changeRole(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Disable an account' })
  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({ type: UserResponse })
  @ApiProblem(404, 'USER_NOT_FOUND')
  @ApiProblem(409, 'CANNOT_DISABLE_SELF, LAST_ADMIN')
  disable(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<UserResponse> {
    return this.service.disable(ctx, id);
  }

  @ApiOperation({ summary: 'Enable an account' })
  @Post(':id/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: UserResponse })
  @ApiProblem(404, 'USER_NOT_FOUND')
  enable(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<UserResponse> {
    return this.service.enable(ctx, id);
  }

  @ApiOperation({ summary: 'Send a new invitation link' })
  @Post(':id/invitation')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'A new invitation link is mailed; older links stop working' })
  @ApiProblem(404, 'USER_NOT_FOUND')
  @ApiProblem(409, 'USER_NOT_INVITED: the account has already set its password')
  resendInvitation(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<void> {
    return this.service.resendInvitation(ctx, id);
  }
}
