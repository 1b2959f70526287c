// @ts-check
'use strict';
// The worker container's healthcheck: healthy when every queue has a worker connected to Redis (BullMQ names
// its connections, so Redis knows them). Exit 0 or 1. Needs REDIS_URL and QUEUE_PREFIX as the worker has them.
const { Queue } = require('bullmq');
const IORedis = require('ioredis');
const { QueueName } = require('../dist/src/common/jobs/job-names');

async function main() {
  const connection = new IORedis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: 1, connectTimeout: 3000 });
  const prefix = process.env.QUEUE_PREFIX || 'kokemus';
  try {
    const missing = [];
    for (const name of Object.values(QueueName)) {
      const queue = new Queue(name, { connection, prefix });
      if ((await queue.getWorkersCount()) === 0) missing.push(name);
      await queue.close();
    }
    if (missing.length > 0) console.error(`No worker connected for: ${missing.join(', ')}`);
    return missing.length === 0;
  } finally {
    connection.disconnect();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
