import { Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { IdParam } from '../../common/validation/parse-uuid.pipe';
import { MemberResponse } from './dto/organisation.response';
import { OrganisationsService } from './organisations.service';

const NOT_A_UUID = 'VALIDATION_FAILED: id or userId is not a UUID';

@ApiTags('organisations')
@Controller()
export class MembersController {
  constructor(private readonly service: OrganisationsService) {}

  @ApiOperation({ summary: 'Members of a unit or project' })
  @Get('organisations/:id/members')
  @Authenticated({ roles: [Role.Admin, Role.Coordinator, Role.Orderer] })
  @ApiOkResponse({ type: [MemberResponse] })
  @ApiProblem(400, 'VALIDATION_FAILED: id is not a UUID')
  @ApiProblem(404, "ORGANISATION_NOT_FOUND: no such unit or project, or, to an orderer, one they don't belong to")
  list(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<MemberResponse[]> {
    return this.service.members(ctx, id);
  }

  @ApiOperation({ summary: 'Add a member to a unit or project' })
  @Put('organisations/:id/members/:userId')
  @Authenticated({ roles: [Role.Admin, Role.Coordinator] })
  @ApiOkResponse({ type: MemberResponse, description: 'Idempotent: adding an existing member changes nothing' })
  @ApiProblem(400, NOT_A_UUID)
  @ApiProblem(404, 'ORGANISATION_NOT_FOUND, USER_NOT_FOUND')
  @ApiProblem(409, 'MEMBER_NOT_ORDERER: only an orderer can be a member')
  add(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @IdParam('userId') userId: string,
  ): Promise<MemberResponse> {
    return this.service.addMember(ctx, id, userId);
  }

  @ApiOperation({ summary: 'Remove a member from a unit or project' })
  @Delete('organisations/:id/members/:userId')
  @Authenticated({ roles: [Role.Admin, Role.Coordinator] })
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblem(400, NOT_A_UUID)
  @ApiProblem(404, 'ORGANISATION_NOT_FOUND, USER_NOT_FOUND, or MEMBER_NOT_FOUND: the account is not a member of it')
  remove(@CurrentUser() ctx: AuthContext, @IdParam() id: string, @IdParam('userId') userId: string): Promise<void> {
    return this.service.removeMember(ctx, id, userId);
  }
}
