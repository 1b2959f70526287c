import { SetMetadata } from '@nestjs/common';
import { JobName } from './job-names';

export const JOB_HANDLER = 'kokemus:job-handler';

// Marks the one method that handles a job. Handlers must be idempotent: reload state, return if done.
export const OnJob = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER, name);
