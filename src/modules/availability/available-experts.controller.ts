import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { AvailabilityService } from './availability.service';
import { AvailabilityRangeQuery } from './dto/availability-range.query';
import { AvailableExpertResponse } from './dto/availability.response';

@ApiTags('availability')
@Controller('availability')
@Authenticated({ roles: [Role.Coordinator] })
export class AvailableExpertsController {
  constructor(private readonly service: AvailabilityService) {}

  @ApiOperation({ summary: 'Experts free for a time range' })
  @Get('experts')
  @ApiOkResponse({
    type: [AvailableExpertResponse],
    description: 'Active experts whose windows cover the whole range, by name',
  })
  list(@CurrentUser() ctx: AuthContext, @Query() query: AvailabilityRangeQuery): Promise<AvailableExpertResponse[]> {
    return this.service.availableExperts(ctx, query);
  }
}
