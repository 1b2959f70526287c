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
