import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Clock } from './clock/clock.service';
import { createClock } from './clock/parent-controlled-clock';
import { FieldCipher } from './crypto/field-cipher';

@Global()
@Module({
  providers: [
    { provide: Clock, inject: [AppConfig], useFactory: (config: AppConfig) => createClock(config.env) },
    {
      provide: FieldCipher,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new FieldCipher(config.env.ENCRYPTION_KEY),
    },
  ],
  exports: [Clock, FieldCipher],
})
export class CommonModule {}
