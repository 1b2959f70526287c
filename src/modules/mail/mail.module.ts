import { join } from 'node:path';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MailProcessor } from './mail.processor';
import { MailService } from './mail.service';
import { FileMailTransport, MailTransport, SmtpMailTransport } from './mail-transport';

// SMTP, except in the embedded mode without an SMTP_URL: then .eml files under DATA_DIR/mail.
function mailTransport(config: AppConfig): MailTransport {
  return config.env.SMTP_URL ? new SmtpMailTransport(config) : new FileMailTransport(join(config.env.DATA_DIR, 'mail'));
}

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
              { provide: MailTransport, inject: [AppConfig], useFactory: mailTransport },
            ]
          : []),
      ],
      exports: [MailService],
    };
  }
}
