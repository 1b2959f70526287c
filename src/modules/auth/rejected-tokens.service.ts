import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestMeta } from '../../common/auth/auth-context';
import { RefusedToken, RejectedTokenLog, TokenRejection, tokenRejection } from '../../common/auth/token-rejection';
import { Clock } from '../../common/clock/clock.service';
import { AuditEvent, AuditService } from '../audit';
import { AuthRepository } from './auth.repository';

export const TOKEN_REJECTED = 'auth.token_rejected';

// One address's refusals of one kind (and, for a token we signed, one subject) since the last row written for them.
interface Tally {
  ip: string | null;
  reason: TokenRejection;
  subject: string | null;
  since: Date;
  count: number;
}

// A row per address, reason and subject at most once a WINDOW; what comes between is counted into the next row.
export const REJECTED_TOKEN_WINDOW_MS = 60_000;
// The tallies kept at once. A flood from more addresses than this (IPv6 hands an attacker many) is counted per
// reason in one tally without an address, so neither the memory nor the audit table grows with the addresses.
export const REJECTED_TOKEN_TALLIES = 1000;
const SWEEP_MS = 10_000;
const CHUNK = 500;

// The refused bearer tokens, in the audit log (PRODUCT §6: every failed authorization) without letting a flood of
// forged tokens flood the table or slow the API. The first refusal of its kind from an address is written at once
// (auth.token_rejected, details { reason, count: 1 }); the ones after it, within a minute of the last row, are only
// counted here, and a sweep writes them as one row ({ reason, count, since }). So a steady flood writes one row
// a minute per address and reason, and a 401 never waits for more than one insert.
// The tallies live in this process: N API instances write at most N rows a minute for one address, and a crash
// loses at most a minute's count. They are written out when the app shuts down.
// An access token that merely ran out while its session is live is not audited: the web app refreshes it before it
// runs out, and a tab woken from sleep or a clock off by a minute would otherwise write a row per person and hour
// that says nothing. Ran out after its session ended (a token kept after signing out), it is.
@Injectable()
export class RejectedTokensService extends RejectedTokenLog implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('RejectedTokens');
  private readonly tallies = new Map<string, Tally>();
  private sweeper?: NodeJS.Timeout;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(
    private readonly audit: AuditService,
    private readonly repo: AuthRepository,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.sweep({ all: true });
  }

  // Never throws: the caller answers 401 whatever becomes of the row.
  async rejected({ meta, authorization, info }: RefusedToken): Promise<void> {
    try {
      const rejection = tokenRejection(authorization, info);
      if (!rejection) return;
      const { reason, claims } = rejection;
      if (
        reason === TokenRejection.Expired &&
        (await this.repo.findSignedIn(claims!.sub, claims!.sid, this.clock.now()))
      )
        return;
      await this.count(meta, reason, claims?.sub ?? null);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'A refused access token was not audited');
    }
  }

  private async count(meta: RequestMeta, reason: TokenRejection, subject: string | null): Promise<void> {
    const key = `${meta.ip}\n${reason}\n${subject ?? ''}`;
    const tally = this.tallies.get(key);
    if (tally) {
      tally.count++;
      return;
    }
    if (this.tallies.size >= REJECTED_TOKEN_TALLIES) {
      const overflow = `\n${reason}\n`;
      const many = this.tallies.get(overflow);
      if (many) many.count++;
      else this.tallies.set(overflow, { ip: null, reason, subject: null, since: this.clock.now(), count: 1 });
      return;
    }
    this.tallies.set(key, { ip: meta.ip, reason, subject, since: this.clock.now(), count: 0 });
    await this.audit.log({ actorId: subject, meta }, TOKEN_REJECTED, null, { reason, count: 1 });
  }

  // Writes the counts of the tallies a window old (all of them at shutdown), and forgets the quiet ones: the next
  // refusal from there is written at once again.
  sweep({ all = false }: { all?: boolean } = {}): Promise<void> {
    this.sweeping = this.sweeping
      .then(() => this.write(all))
      .catch((err: Error) => {
        this.logger.warn({ err: err.message }, 'Counts of refused access tokens were not written');
      });
    return this.sweeping;
  }

  private async write(all: boolean): Promise<void> {
    const now = this.clock.now();
    const events: AuditEvent[] = [];
    for (const [key, tally] of this.tallies) {
      if (!all && now.getTime() - tally.since.getTime() < REJECTED_TOKEN_WINDOW_MS) continue;
      if (tally.count === 0) {
        this.tallies.delete(key);
        continue;
      }
      events.push({
        by: { actorId: tally.subject, meta: { ip: tally.ip ?? undefined } },
        action: TOKEN_REJECTED,
        target: null,
        details: { reason: tally.reason, count: tally.count, since: tally.since.toISOString() },
      });
      tally.count = 0;
      tally.since = now;
    }
    for (let i = 0; i < events.length; i += CHUNK) {
      await this.audit.logAll(this.dataSource.manager, events.slice(i, i + CHUNK));
    }
  }
}
