import IORedis, { RedisOptions } from 'ioredis';

export function createRedis(url: string, forWorker: boolean): IORedis {
  const options: RedisOptions = forWorker
    ? // BullMQ workers must wait out a Redis restart instead of failing their blocking commands.
      { maxRetriesPerRequest: null, enableReadyCheck: true }
    : // Producers in the API fail fast so a request never hangs on a missing Redis.
      { maxRetriesPerRequest: 2, enableOfflineQueue: false, connectTimeout: 2000 };
  const connection = new IORedis(url, options);
  // Connection errors reach the queues and workers on it, which log them; without a listener of its own,
  // ioredis prints each one as an unhandled error event while Redis is away.
  connection.on('error', () => undefined);
  return connection;
}
