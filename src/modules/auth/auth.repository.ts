import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-context';
import { UserEntity, UserStatus } from '../users/entities/user.entity';
import { InvitationEntity, InvitationPurpose } from './entities/invitation.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { SessionEntity } from './entities/session.entity';

// Accounts as sign-in sees them: sessions, refresh tokens and one-time links (invitations and password resets).
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findUserByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email });
  }

  // The password hash is select: false on the entity: only these two read it, to check a password.
  findUserWithPassword(id: string): Promise<UserEntity> {
    return this.users().addSelect('u.passwordHash').where('u.id = :id', { id }).getOneOrFail();
  }

  findUserWithPasswordByEmail(email: string): Promise<UserEntity | null> {
    return this.users().addSelect('u.passwordHash').where('u.email = :email', { email }).getOne();
  }

  private users() {
    return this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
  }

  findUserIn(manager: EntityManager, id: string, status: UserStatus): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id, status });
  }

  async updateUser(
    manager: EntityManager,
    id: string,
    changes: Partial<Pick<UserEntity, 'passwordHash' | 'status' | 'language' | 'lastLoginAt'>>,
  ): Promise<void> {
    await manager.update(UserEntity, { id }, changes);
  }

  // The person an access token names, if their account and that session still hold: one query per request.
  async findSignedIn(userId: string, sessionId: string, now: Date): Promise<AuthUser | null> {
    const rows: AuthUser[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.language, s.id AS "sessionId"
         FROM users u JOIN auth_sessions s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND u.status = $3 AND s.revoked_at IS NULL AND s.expires_at > $4`,
      [userId, sessionId, UserStatus.Active, now],
    );
    return rows[0] ?? null;
  }

  openSession(
    manager: EntityManager,
    session: Pick<SessionEntity, 'userId' | 'expiresAt' | 'ip' | 'userAgent'>,
  ): Promise<SessionEntity> {
    return manager.save(SessionEntity, session);
  }

  findSession(id: string): Promise<SessionEntity | null> {
    return this.dataSource.getRepository(SessionEntity).findOneBy({ id });
  }

  findLiveSession(manager: EntityManager, id: string): Promise<SessionEntity | null> {
    return manager.findOneBy(SessionEntity, { id, revokedAt: IsNull() });
  }

  // Returns whether the session was still live.
  async revokeSession(manager: EntityManager, id: string, at: Date, reason: string): Promise<boolean> {
    const result = await manager.update(
      SessionEntity,
      { id, revokedAt: IsNull() },
      { revokedAt: at, revokedReason: reason },
    );
    return Boolean(result.affected);
  }

  // Every live session of the person but `keep` (if given) ends; returns how many did.
  async revokeUserSessions(
    manager: EntityManager,
    userId: string,
    at: Date,
    reason: string,
    keep?: string,
  ): Promise<number> {
    const result = await manager.update(
      SessionEntity,
      { userId, ...(keep !== undefined ? { id: Not(keep) } : {}), revokedAt: IsNull() },
      { revokedAt: at, revokedReason: reason },
    );
    return result.affected ?? 0;
  }

  async addRefreshToken(manager: EntityManager, sessionId: string, tokenHash: Buffer): Promise<void> {
    await manager.insert(RefreshTokenEntity, { sessionId, tokenHash });
  }

  findRefreshToken(
    tokenHash: Buffer,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RefreshTokenEntity | null> {
    return manager.findOneBy(RefreshTokenEntity, { tokenHash });
  }

  // Atomic claim of a refresh token: of two concurrent uses exactly one gets its session id.
  async claimRefreshToken(manager: EntityManager, tokenHash: Buffer): Promise<string | null> {
    // TypeORM answers UPDATE ... RETURNING with [rows, count].
    const [claimed]: [{ session_id: string }[], number] = await manager.query(
      `UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL RETURNING session_id`,
      [tokenHash],
    );
    return claimed[0]?.session_id ?? null;
  }

  // One-time: of two uses of one link exactly one claims it and gets its user's id. `usedAt` is the database's
  // now() unless given.
  async claimLink(
    manager: EntityManager,
    tokenHash: Buffer,
    purpose: InvitationPurpose,
    now: Date,
    usedAt?: Date,
  ): Promise<string | null> {
    const [used]: [{ user_id: string }[], number] = usedAt
      ? await manager.query(
          `UPDATE invitations SET used_at = $2
            WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 AND purpose = $3
            RETURNING user_id`,
          [tokenHash, usedAt, purpose],
        )
      : await manager.query(
          `UPDATE invitations SET used_at = now()
            WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 AND purpose = $3
            RETURNING user_id`,
          [tokenHash, now, purpose],
        );
    return used[0]?.user_id ?? null;
  }

  // Every unused link of the person (of one purpose, when given) stops working.
  async endUnusedLinks(manager: EntityManager, userId: string, at: Date, purpose?: InvitationPurpose): Promise<void> {
    await manager.update(
      InvitationEntity,
      { userId, ...(purpose ? { purpose } : {}), usedAt: IsNull() },
      { usedAt: at },
    );
  }

  async addLink(
    manager: EntityManager,
    link: Pick<InvitationEntity, 'userId' | 'purpose' | 'tokenHash' | 'createdBy' | 'expiresAt'> &
      Partial<Pick<InvitationEntity, 'idempotencyKey'>>,
  ): Promise<void> {
    await manager.insert(InvitationEntity, link);
  }

  // Whom `createdBy` invited with the invitation form's Idempotency-Key `key`.
  async findInvitedWithKey(createdBy: string, key: string): Promise<string | null> {
    const link = await this.dataSource
      .getRepository(InvitationEntity)
      .findOne({ where: { createdBy, idempotencyKey: key }, select: { userId: true } });
    return link?.userId ?? null;
  }
}
