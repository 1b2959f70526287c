import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { AppConfig } from '../../config/app-config';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

// The edge of the product: tests replace this provider to capture what would be delivered.
export abstract class MailTransport {
  abstract send(mail: OutgoingMail): Promise<void>;
}

export class SmtpMailTransport extends MailTransport {
  private readonly transporter;

  constructor(config: AppConfig) {
    super();
    this.transporter = createTransport(config.env.SMTP_URL);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(mail);
  }
}

// The embedded try-out mode has no mail server: each message is written as an .eml file (any mail program
// opens it) and the log says where.
export class FileMailTransport extends MailTransport {
  private readonly logger = new Logger('Mail');
  private readonly transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly dir: string) {
    super();
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail(mail);
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
    await writeFile(path, info.message);
    this.logger.log({ subject: mail.subject, file: path }, 'Mail written to a file (embedded mode has no mail server)');
  }
}
