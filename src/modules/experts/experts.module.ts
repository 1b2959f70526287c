import { Module } from '@nestjs/common';
import { ExpertsRepository } from './experts.repository';

@Module({
  providers: [ExpertsRepository],
  exports: [ExpertsRepository],
})
export class ExpertsModule {}
