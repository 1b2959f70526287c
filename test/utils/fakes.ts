import { Clock } from '../../src/common/clock/clock.service';
import { MailTransport, OutgoingMail } from '../../src/modules/mail/mail-transport';

// Mail delivery is outside the product: the worker's real queue job hands the message to this instead of SMTP.
export class CapturingMailTransport extends MailTransport {
  readonly sent: OutgoingMail[] = [];
  private waiters: { match: (m: OutgoingMail) => boolean; resolve: (m: OutgoingMail) => void }[] = [];

  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
    this.waiters = this.waiters.filter((w) => (w.match(mail) ? (w.resolve(mail), false) : true));
  }

  waitFor(match: (m: OutgoingMail) => boolean, timeoutMs = 10_000): Promise<OutgoingMail> {
    const already = this.sent.find(match);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('No such mail was delivered in time')), timeoutMs);
      this.waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }
}

// The clock, moved by tests; real time unless set.
export class FakeClock extends Clock {
  private fixed: Date | null = null;

  protected override current(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  set(iso: string | Date): void {
    this.fixed = new Date(iso);
  }

  reset(): void {
    this.fixed = null;
  }
}
