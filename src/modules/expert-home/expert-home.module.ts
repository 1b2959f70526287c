import { Module } from '@nestjs/common';
import { ExpertHomeController } from './expert-home.controller';
import { ExpertHomeRepository } from './expert-home.repository';
import { ExpertHomeService } from './expert-home.service';

@Module({
  controllers: [ExpertHomeController],
  providers: [ExpertHomeRepository, ExpertHomeService],
})
export class ExpertHomeModule {}
