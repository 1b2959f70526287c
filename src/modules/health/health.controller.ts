import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../common/auth/authenticated.decorator';
import { JobQueue } from '../../common/jobs/job-queue.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    private readonly jobs: JobQueue,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: 'PostgreSQL and Redis answer' })
  @ApiServiceUnavailableResponse({ description: 'One of them does not' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.db.pingCheck('postgres', { timeout: 2000 }), () => this.redis()]);
  }

  private async redis() {
    const check = this.indicator.check('redis');
    try {
      await this.jobs.ping();
      return check.up();
    } catch {
      return check.down({ message: 'Redis does not answer' });
    }
  }
}
