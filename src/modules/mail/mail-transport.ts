import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';

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

// A send holds its message's row lock (MailJob.send), and an erasure may wait for it: a mail server that does not
// answer fails the send within a minute, not nodemailer's default of ten (a parameter in SMTP_URL still wins).
const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

export class SmtpMailTransport extends MailTransport {
  private readonly transporter;

  constructor(url: string) {
    super();
    this.transporter = createTransport({ url, ...SMTP_TIMEOUTS });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(mail);
  }
}

// No mail server (the embedded mode, or development without SMTP_URL): each message is written as an .eml file
// (any mail program opens it) and the log says where.
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
    this.logger.log({ subject: mail.subject, file: path }, 'Mail written to a file (no SMTP_URL)');
  }
}
