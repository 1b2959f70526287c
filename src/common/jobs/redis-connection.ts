import IORedis, { RedisOptions } from 'ioredis';

export function createRedis(url: string, forWorker: boolean): IORedis {
  const options: RedisOptions = forWorker
    ? // BullMQ workers must wait out a Redis restart instead of failing their blocking commands.
      { maxRetriesPerRequest: null, enableReadyCheck: true }
    : // Producers in the API fail fast so a request never hangs on a missing Redis.
      { maxRetriesPerRequest: 2, enableOfflineQueue: false, connectTimeout: 2000 };
  return new IORedis(url, options);
}
