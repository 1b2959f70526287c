import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MailProcessor } from './mail.processor';
import { MailService } from './mail.service';
import { MailTransport, SmtpMailTransport } from './mail-transport';

@Global()
@Module({})
export class MailModule {
  static forRoot(options: { runWorkers: boolean }): DynamicModule {
    return {
      module: MailModule,
      providers: [
        MailService,
        ...(options.runWorkers
          ? [
              MailProcessor,
              { provide: MailTransport, inject: [AppConfig], useFactory: (c: AppConfig) => new SmtpMailTransport(c) },
            ]
          : []),
      ],
      exports: [MailService],
    };
  }
}
