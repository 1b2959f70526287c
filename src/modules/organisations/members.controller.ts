import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ParseUuidPipe } from '../../common/validation/parse-uuid.pipe';
import { MemberResponse } from './dto/organisation.response';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller()
export class MembersController {
  constructor(private readonly service: OrganisationsService) {}

  @ApiOperation({ summary: 'Members of a unit or project' })
  @Get('organisations/:id/members')
  @Authenticated({ roles: [Role.Admin, Role.Coordinator, Role.Orderer] })
  @ApiOkResponse({ type: [MemberResponse] })
  list(@CurrentUser() ctx: AuthContext, @Param('id', ParseUuidPipe) id: string): Promise<MemberResponse[]> {
    return this.service.members(ctx, id);
  }

  @ApiOperation({ summary: 'Add a member to a unit or project' })
  @Put('organisations/:id/members/:userId')
  @Authenticated({ roles: [Role.Admin, Role.Coordinator] })
  @ApiOkResponse({ type: MemberResponse, description: 'Idempotent: adding an existing member changes nothing' })
  add(
    @CurrentUser() ctx: AuthContext,
    @Param('id', ParseUuidPipe) id: string,
    @Param('userId', ParseUuidPipe) userId: string,
  ): Promise<MemberResponse> {
    return this.service.addMember(ctx, id, userId);
  }

  @ApiOperation({ summary: 'Remove a member from a unit or project' })
  @Delete('organisations/:id/members/:userId')
  @Authenticated({ roles: [Role.Admin, Role.Coordinator] })
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(
    @CurrentUser() ctx: AuthContext,
    @Param('id', ParseUuidPipe) id: string,
    @Param('userId', ParseUuidPipe) userId: string,
  ): Promise<void> {
    return this.service.removeMember(ctx, id, userId);
  }
}
