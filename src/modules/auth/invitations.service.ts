import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { randomToken, sha256 } from '../../common/crypto/tokens';
import { AppConfig } from '../../config/app-config';
import { MailService, MailTemplate, recipient } from '../mail';
import { UserEntity } from '../users/entities/user.entity';
import { AuthRepository } from './auth.repository';
import { InvitationPurpose } from './entities/invitation.entity';
import { InvitationMailParams, invitationMail } from './mail/invitation.mail';

@Injectable()
export class InvitationsService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly mail: MailService,
  ) {}

  // Issues a one-time link and writes its mail, both inside the caller's transaction. Returns the mail id.
  // `idempotencyKey`: the invitation form's (see invitedWith).
  async invite(
    manager: EntityManager,
    user: UserEntity,
    createdBy: string | null,
    options: { template?: MailTemplate<InvitationMailParams>; idempotencyKey?: string } = {},
  ): Promise<string> {
    const token = randomToken();
    const validHours = this.config.env.INVITATION_TTL_HOURS;
    // An older unused link stops working when a new one is sent.
    await this.repo.endUnusedLinks(manager, user.id, this.clock.now(), InvitationPurpose.Invitation);
    await this.repo.addLink(manager, {
      userId: user.id,
      purpose: InvitationPurpose.Invitation,
      tokenHash: sha256(token),
      createdBy,
      expiresAt: new Date(this.clock.now().getTime() + validHours * 3600_000),
      idempotencyKey: options.idempotencyKey ?? null,
    });
    const link = `${this.config.env.PUBLIC_URL}/set-password#token=${token}`;
    return this.mail.compose(manager, recipient(user), options.template ?? invitationMail, {
      name: user.name,
      link,
      validHours,
    });
  }

  // The person whom `createdBy` invited with this Idempotency-Key of the invitation form, if any.
  invitedWith(createdBy: string, idempotencyKey: string): Promise<string | null> {
    return this.repo.findInvitedWithKey(createdBy, idempotencyKey);
  }
}
