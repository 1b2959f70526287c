import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { IdParam } from '../../common/validation/parse-uuid.pipe';
import { AvailabilityService } from './availability.service';
import { AvailabilityRangeQuery } from './dto/availability-range.query';
import { AvailabilityCheckResponse, AvailabilityResponse } from './dto/availability.response';

@ApiTags('availability')
@Controller('experts/:id/availability')
@Authenticated({ roles: [Role.Coordinator] })
export class ExpertAvailabilityController {
  constructor(private readonly service: AvailabilityService) {}

  @ApiOperation({ summary: "An expert's availability (coordinator)" })
  @Get()
  @ApiOkResponse({ type: AvailabilityResponse, description: 'Local times in Europe/Helsinki' })
  @ApiProblem(404, 'EXPERT_NOT_FOUND')
  get(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<AvailabilityResponse> {
    return this.service.ofExpert(ctx, id);
  }

  @ApiOperation({ summary: 'Whether an expert is free for a time range' })
  @Get('check')
  @ApiOkResponse({ type: AvailabilityCheckResponse })
  @ApiProblem(404, 'EXPERT_NOT_FOUND')
  check(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Query() query: AvailabilityRangeQuery,
  ): Promise<AvailabilityCheckResponse> {
    return this.service.check(ctx, id, query);
  }
}
