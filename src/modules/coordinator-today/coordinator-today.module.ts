import { Module } from '@nestjs/common';
import { CoordinatorTodayController } from './coordinator-today.controller';
import { CoordinatorTodayRepository } from './coordinator-today.repository';
import { CoordinatorTodayService } from './coordinator-today.service';

@Module({
  controllers: [CoordinatorTodayController],
  providers: [CoordinatorTodayRepository, CoordinatorTodayService],
})
export class CoordinatorTodayModule {}
