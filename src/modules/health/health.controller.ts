import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
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

  @ApiOperation({ summary: 'Health of the API, PostgreSQL and Redis' })
  @Get()
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: 'PostgreSQL and the queues (Redis; in the embedded mode, PostgreSQL) answer' })
  @ApiServiceUnavailableResponse({ description: 'One of them does not' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.db.pingCheck('postgres', { timeout: 2000 }), () => this.queues()]);
  }

  // Reported as "redis" on Redis; as "queue" with its backend when the queues live in PostgreSQL.
  private async queues() {
    const redis = this.jobs.backend === 'redis';
    const check = this.indicator.check(redis ? 'redis' : 'queue');
    try {
      await this.jobs.ping();
      return redis ? check.up() : check.up({ backend: this.jobs.backend });
    } catch {
      return check.down({ message: redis ? 'Redis does not answer' : 'The queue tables in PostgreSQL do not answer' });
    }
  }
}
