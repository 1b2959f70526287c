import IORedis from 'ioredis';

// Leaves the shared Redis as it was: every key under a test's own prefix removed (queues, throttle counters).
export async function removeKeys(url: string, prefix: string): Promise<void> {
  const redis = new IORedis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // A Redis the test has stopped (its own) keeps nothing anyway.
  } finally {
    redis.disconnect();
  }
}
