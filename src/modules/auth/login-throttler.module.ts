import { Module } from '@nestjs/common';
import { LoginThrottlerStorage } from './login-throttler.storage';

// Holds the login limits' storage so that ThrottlerModule's factory can take it (and Nest closes it).
@Module({
  providers: [LoginThrottlerStorage],
  exports: [LoginThrottlerStorage],
})
export class LoginThrottlerModule {}
