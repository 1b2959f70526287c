import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import IORedis from 'ioredis';
import { AppConfig } from '../../config/app-config';

// The counters of the login limits. With Redis (every deployment) they are shared, so N API instances
// together allow the limit, not N times it; the keys live under QUEUE_PREFIX, so installations (and test
// apps) sharing one Redis never count each other's attempts. The embedded mode has no Redis and one process:
// the counters stay in memory. If Redis fails, each process falls back to counting on its own rather than
// refusing every login.
@Injectable()
export class LoginThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('Throttler');
  private readonly memory = new ThrottlerStorageService();
  private readonly redis?: IORedis;
  private readonly shared?: ThrottlerStorageRedisService;

  constructor(config: AppConfig) {
    const env = config.env;
    if (env.KOKEMUS_EMBEDDED) return;
    // Fails fast like the API's queue producer: a login never waits on a missing Redis.
    this.redis = new IORedis(env.REDIS_URL, {
      keyPrefix: `${env.QUEUE_PREFIX}:throttle:`,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2000,
    });
    this.redis.on('error', () => undefined);
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  get backend(): 'redis' | 'memory' {
    return this.shared ? 'redis' : 'memory';
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (this.shared) {
      try {
        return await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
      } catch (err) {
        this.logger.warn(
          { err: (err as Error).message },
          'Login limits counted in this process only: Redis is not answering',
        );
      }
    }
    return this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  onApplicationShutdown(): void {
    this.memory.onApplicationShutdown();
    this.redis?.disconnect();
  }
}
