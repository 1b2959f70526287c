import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AccessGuard } from './common/auth/access.guard';
import { CommonModule } from './common/common.module';
import { GlobalExceptionFilter } from './common/errors/global-exception.filter';
import { JobsModule } from './common/jobs/jobs.module';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { loggerOptions } from './config/logger.options';
import { databaseOptions } from './database/database-options';
import { AccessibilityModule } from './modules/accessibility/accessibility.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BookingModule } from './modules/booking/booking.module';
import { ContractsModule } from './modules/contracts/contracts.module';
import { CredentialsModule } from './modules/credentials/credentials.module';
import { AvailabilityModule } from './modules/availability/availability.module';
import { DemoModule } from './modules/demo/demo.module';
import { ExpertHomeModule } from './modules/expert-home/expert-home.module';
import { ExpertsModule } from './modules/experts/experts.module';
import { FeesModule } from './modules/fees/fees.module';
import { HealthModule } from './modules/health/health.module';
import { MailModule } from './modules/mail/mail.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { ReportsModule } from './modules/reports/reports.module';
import { UsersModule } from './modules/users/users.module';

export interface AppOptions {
  // The API process leaves jobs to the worker; the worker (and single-process modes) run them.
  runWorkers: boolean;
  logStream?: NodeJS.WritableStream;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule,
        CommonModule,
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => loggerOptions(config, options.logStream),
        }),
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => databaseOptions(config.env.DATABASE_URL, config.env.DATABASE_POOL_SIZE),
        }),
        JobsModule.forRoot({ runWorkers: options.runWorkers }),
        MailModule.forRoot({ runWorkers: options.runWorkers }),
        AuditModule,
        AuthModule,
        UsersModule,
        OrganisationsModule,
        ExpertsModule,
        ExpertHomeModule,
        CredentialsModule,
        AvailabilityModule,
        BookingModule,
        DemoModule,
        ContractsModule,
        FeesModule.forRoot({ runWorkers: options.runWorkers }),
        ReportsModule,
        HealthModule,
        AccessibilityModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
