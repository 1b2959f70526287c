import { Logger } from '@nestjs/common';

// After the commit the work is safe in PostgreSQL, and a sweep or recovery check queues what is missing: a queue
// that cannot be reached is a warning, never a failure of what already committed.
export async function enqueueAfterCommit(
  queueing: Promise<unknown>,
  logger: Pick<Logger, 'warn'>,
  fields: Record<string, unknown>,
  message: string,
): Promise<void> {
  await queueing.catch((err: Error) => logger.warn({ ...fields, err: err.message }, message));
}
