import { join, resolve } from 'node:path';
import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MailJob } from './mail.job';
import { MailRepository } from './mail.repository';
import { MailService } from './mail.service';
import { FileMailTransport, MailTransport, SmtpMailTransport } from './mail-transport';

// SMTP when SMTP_URL is set (production requires it); without it, .eml files under DATA_DIR/mail, so that a first
// admin can invite people before there is a mail server.
export function mailTransport(config: AppConfig): MailTransport {
  if (config.env.SMTP_URL) return new SmtpMailTransport(config.env.SMTP_URL);
  const dir = resolve(join(config.env.DATA_DIR, 'mail'));
  new Logger('Mail').warn({ dir }, `No SMTP_URL: mail is written as .eml files to ${dir} instead of being sent`);
  return new FileMailTransport(dir);
}

@Global()
@Module({})
export class MailModule {
  static forRoot(options: { runWorkers: boolean }): DynamicModule {
    return {
      module: MailModule,
      providers: [
        MailService,
        MailRepository,
        ...(options.runWorkers
          ? [MailJob, { provide: MailTransport, inject: [AppConfig], useFactory: mailTransport }]
          : []),
      ],
      exports: [MailService],
    };
  }
}
