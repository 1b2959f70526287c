import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueue } from './job-queue.service';
import { JobWorkerHost } from './job-worker.host';
import { Scheduler } from './scheduler.service';

@Global()
@Module({})
export class JobsModule {
  static forRoot(options: { runWorkers: boolean }): DynamicModule {
    return {
      module: JobsModule,
      imports: options.runWorkers ? [DiscoveryModule] : [],
      providers: [JobQueue, Scheduler, ...(options.runWorkers ? [JobWorkerHost] : [])],
      exports: [JobQueue, Scheduler],
    };
  }
}
