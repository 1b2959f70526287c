import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { AuthRepository } from './auth.repository';

@Injectable()
export class SessionsService {
  constructor(
    private readonly auth: AuthRepository,
    private readonly clock: Clock,
  ) {}

  revokeAllForUser(manager: EntityManager, userId: string, reason: string): Promise<number> {
    return this.auth.revokeUserSessions(manager, userId, this.clock.now(), reason);
  }

  revokeOthersForUser(manager: EntityManager, userId: string, keepSessionId: string, reason: string): Promise<number> {
    return this.auth.revokeUserSessions(manager, userId, this.clock.now(), reason, keepSessionId);
  }
}
