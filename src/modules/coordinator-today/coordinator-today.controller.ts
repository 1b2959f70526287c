import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { Role } from '../../common/auth/role.enum';
import { CoordinatorTodayResponse } from './dto/coordinator-today.response';
import { CoordinatorTodayService } from './coordinator-today.service';

@ApiTags('coordinator')
@Controller('coordinator/today')
export class CoordinatorTodayController {
  constructor(private readonly today: CoordinatorTodayService) {}

  @ApiOperation({
    summary: "The coordinator's work queues today: certificates, orders, expiring offers, contracts, claims, fee runs",
  })
  @Get()
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiOkResponse({
    type: CoordinatorTodayResponse,
    description: 'Counts of every queue and the first rows of each, oldest work first',
  })
  get(): Promise<CoordinatorTodayResponse> {
    return this.today.get();
  }
}
