import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestMeta } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock.service';
import { randomToken, sha256 } from '../../common/crypto/tokens';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { MailService, recipient } from '../mail';
import { UserStatus } from '../users/entities/user.entity';
import { LoginErrors } from './auth.errors';
import { AuthRepository } from './auth.repository';
import { PasswordResetConfirmDto } from './dto/password.dto';
import { InvitationPurpose } from './entities/invitation.entity';
import { passwordResetMail } from './mail/password-reset.mail';
import { PasswordHasher } from './password-hasher.service';
import { passwordPolicyError } from './password-policy.rule';
import { SessionsService } from './sessions.service';

export const PASSWORD_RESET_VALID_MINUTES = 60;

// Forgotten password: a one-time link (only its SHA-256 kept, in the invitations table with its own purpose),
// valid for an hour, mailed in the person's language. Setting the password ends every session of the account.
@Injectable()
export class PasswordResetService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('PasswordReset');
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: AuthRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  // Answers before looking the address up: the response and its timing are the same whether or not an
  // account has it. The work goes on after the answer; a failure is logged, the person can ask again.
  request(meta: RequestMeta, email: string): void {
    const work: Promise<void> = this.issue(meta, email)
      .catch((err: Error) =>
        this.logger.error({ err: err.message, requestId: meta.requestId }, 'Password reset link not issued'),
      )
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  // Resolves when every reset asked for so far has been issued (or refused); the app waits for it on shutdown.
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  async confirm(meta: RequestMeta, dto: PasswordResetConfirmDto): Promise<void> {
    const policy = passwordPolicyError('password', dto.password);
    if (policy) throw policy;
    const passwordHash = await this.hasher.hash(dto.password);
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      // One-time: of two uses of one link exactly one claims it.
      const userId = await this.repo.claimLink(manager, sha256(dto.token), InvitationPurpose.PasswordReset, now, now);
      const user = userId && (await this.repo.findUserIn(manager, userId, UserStatus.Active));
      if (!user) throw LoginErrors.invalidResetLink();
      await this.repo.updateUser(manager, user.id, { passwordHash });
      await this.repo.endUnusedLinks(manager, user.id, now, InvitationPurpose.PasswordReset);
      const revoked = await this.sessions.revokeAllForUser(manager, user.id, 'password_reset');
      await this.audit.log(
        { actorId: user.id, meta },
        'auth.password_reset',
        ['user', user.id],
        { revokedSessions: revoked },
        manager,
      );
    });
  }

  private async issue(meta: RequestMeta, email: string): Promise<void> {
    const user = await this.repo.findUserByEmail(email);
    // Invited accounts have no password to reset (their invitation sets one); disabled ones may not sign in.
    if (!user || user.status !== UserStatus.Active) return;
    const token = randomToken();
    const mailId = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      // A new link replaces any earlier one.
      await this.repo.endUnusedLinks(manager, user.id, now, InvitationPurpose.PasswordReset);
      await this.repo.addLink(manager, {
        userId: user.id,
        purpose: InvitationPurpose.PasswordReset,
        tokenHash: sha256(token),
        createdBy: null,
        expiresAt: new Date(now.getTime() + PASSWORD_RESET_VALID_MINUTES * 60_000),
      });
      await this.audit.log({ actorId: null, meta }, 'auth.password_reset_requested', ['user', user.id], {}, manager);
      return this.mail.compose(manager, recipient(user), passwordResetMail, {
        name: user.name,
        link: `${this.config.env.PUBLIC_URL}/reset-password#token=${token}`,
        validMinutes: PASSWORD_RESET_VALID_MINUTES,
      });
    });
    await this.mail.dispatch([mailId]);
  }
}
