import { INestApplicationContext, Logger } from '@nestjs/common';

// The process exits at the latest this long after its grace period, whatever still hangs.
export const STOP_MARGIN_MS = 3000;

export interface StopOptions {
  // From the signal to the forced exit.
  limitMs: number;
  // Runs after the app has closed (the embedded mode stops its database here).
  after?: () => Promise<void>;
  // True when the app let go of work it had started: the exit code is then 1.
  cutOff?: () => boolean;
}

// SIGTERM or SIGINT closes the app (HTTP, queue workers, then the database pool) and exits: 0 after a clean stop,
// 1 if work was cut off, the close failed or it took longer than limitMs. A second signal exits at once. Used
// instead of Nest's shutdown hooks, which wait for the close without a bound and then re-raise the signal.
export function stopOnSignals(app: INestApplicationContext, options: StopOptions): void {
  const logger = new Logger('Kokemus');
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal}: stopping`);
    setTimeout(() => {
      logger.error(`Not stopped within ${options.limitMs} ms: exiting`);
      process.exit(1);
    }, options.limitMs).unref();
    let failed = false;
    void app
      .close()
      .catch((err: Error) => {
        failed = true;
        logger.error(`Stopping the app failed: ${err.message}`);
      })
      .then(() => options.after?.())
      .catch((err: Error) => {
        failed = true;
        logger.error(`Stopping failed: ${err.message}`);
      })
      .finally(() => {
        const exitCode = failed || options.cutOff?.() ? 1 : 0;
        logger.log({ exitCode }, 'Stopped');
        process.exit(exitCode);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
