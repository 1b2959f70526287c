import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import { AuditDetails } from './entities/audit-event.entity';

const INSERT_AUDIT = `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, ip, user_agent, request_id, details)
  VALUES `;
const AUDIT_COLUMNS = 8;

// The statement for `rows` events, one text per count: ($1, …, $8), ($9, …, $16), …
const insertAuditSql = (rows: number): string =>
  INSERT_AUDIT +
  Array.from(
    { length: rows },
    (_, row) =>
      `(${Array.from({ length: AUDIT_COLUMNS }, (_, column) => `$${row * AUDIT_COLUMNS + column + 1}`).join(', ')})`,
  ).join(', ');

export const INSERT_AUDIT_SQL = insertAuditSql(1);

// Who did it: a signed-in caller (their id and where they called from), someone known only by id (and maybe
// where from), or null for the system itself (a job, a sweep).
export type AuditActor = AuthContext | { actorId: string | null; meta?: Partial<RequestMeta> } | null;

// The row it was done to: its type ('claim', 'contract', ...) and its id.
export type AuditTarget = readonly [entityType: string, entityId?: string | null];

// One event, as `log` takes it, for `logAll`.
export interface AuditEvent {
  by: AuditActor;
  action: string;
  target: AuditTarget | null;
  details?: AuditDetails;
}

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
    await this.logAll(manager, [{ by, action, target, details }]);
  }

  // Several events of one transaction in one statement (an acceptance writes the draft's and its own).
  async logAll(manager: EntityManager, events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    // Plain SQL of one constant text per count: the ORM's insert() costs three times the CPU of the statement
    // itself, and nearly every change writes a row here.
    await manager.query(
      events.length === 1 ? INSERT_AUDIT_SQL : insertAuditSql(events.length),
      events.flatMap(({ by, action, target, details = {} }) => {
        const actor = by === null ? { actorId: null } : 'user' in by ? { actorId: by.user.id, meta: by } : by;
        return [
          actor.actorId,
          action,
          target?.[0] ?? null,
          target?.[1] ?? null,
          actor.meta?.ip ?? null,
          actor.meta?.userAgent ?? null,
          actor.meta?.requestId ?? null,
          JSON.stringify(details),
        ];
      }),
    );
  }

  // A caller refused a row (or a route): outside any transaction, so the row stays when the refusal throws.
  denied(ctx: AuthContext, target: AuditTarget | null, details: AuditDetails = {}): Promise<void> {
    return this.log(ctx, AUTHZ_DENIED, target, details);
  }
}
