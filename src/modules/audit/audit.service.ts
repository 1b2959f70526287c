import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import { AuditDetails } from './entities/audit-event.entity';

export const INSERT_AUDIT_SQL = `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, ip, user_agent, request_id, details)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

// Who did it: a signed-in caller (their id and where they called from), someone known only by id (and maybe
// where from), or null for the system itself (a job, a sweep).
export type AuditActor = AuthContext | { actorId: string | null; meta?: Partial<RequestMeta> } | null;

// The row it was done to: its type ('claim', 'contract', ...) and its id.
export type AuditTarget = readonly [entityType: string, entityId?: string | null];

// The refusal of an object or a route: requireAccess and the access guard write it.
export const AUTHZ_DENIED = 'authz.denied';

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // One audit row: `await this.audit.log(ctx, 'claim.approved', ['claim', id], { expertId }, manager)`.
  // Details hold ids and state names only: no personal data, no secrets. Pass the transaction's manager so that
  // the event commits or rolls back with the change it records.
  async log(
    by: AuditActor,
    action: string,
    target: AuditTarget | null,
    details: AuditDetails = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const actor = by === null ? { actorId: null } : 'user' in by ? { actorId: by.user.id, meta: by } : by;
    // Plain SQL of one constant text: the ORM's insert() costs three times the CPU of the statement itself, and
    // nearly every change writes a row here.
    await manager.query(INSERT_AUDIT_SQL, [
      actor.actorId,
      action,
      target?.[0] ?? null,
      target?.[1] ?? null,
      actor.meta?.ip ?? null,
      actor.meta?.userAgent ?? null,
      actor.meta?.requestId ?? null,
      JSON.stringify(details),
    ]);
  }

  // A caller refused a row (or a route): outside any transaction, so the row stays when the refusal throws.
  denied(ctx: AuthContext, target: AuditTarget | null, details: AuditDetails = {}): Promise<void> {
    return this.log(ctx, AUTHZ_DENIED, target, details);
  }
}
