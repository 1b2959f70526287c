import { Module } from '@nestjs/common';
import { ExpertsModule } from '../experts/experts.module';
import { AvailabilityRepository } from './availability.repository';
import { AvailabilityService } from './availability.service';
import { AvailableExpertsController } from './available-experts.controller';
import { ExpertAvailabilityController } from './expert-availability.controller';
import { MyAvailabilityController } from './my-availability.controller';

@Module({
  imports: [ExpertsModule],
  controllers: [MyAvailabilityController, ExpertAvailabilityController, AvailableExpertsController],
  providers: [AvailabilityService, AvailabilityRepository],
  exports: [AvailabilityRepository],
})
export class AvailabilityModule {}
