import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DemoHistory } from './demo-history.service';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [AuthModule], providers: [DemoSeedService, DemoHistory], exports: [DemoSeedService] })
export class DemoModule {}
