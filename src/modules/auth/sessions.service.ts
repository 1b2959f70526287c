import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { SessionEntity } from './entities/session.entity';

@Injectable()
export class SessionsService {
  constructor(private readonly clock: Clock) {}

  async revokeAllForUser(manager: EntityManager, userId: string, reason: string): Promise<number> {
    const result = await manager.update(
      SessionEntity,
      { userId, revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }

  async revokeOthersForUser(
    manager: EntityManager,
    userId: string,
    keepSessionId: string,
    reason: string,
  ): Promise<number> {
    const result = await manager.update(
      SessionEntity,
      { userId, id: Not(keepSessionId), revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }
}
