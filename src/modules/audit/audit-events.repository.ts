import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEventRow } from './dto/audit-event.response';
import { AuditEventFilterQuery } from './dto/list-audit-events.query';

const SELECT = `
  SELECT e.id, e.occurred_at, e.actor_id, a.name AS actor_name, a.email::text AS actor_email, a.role AS actor_role,
         e.action, e.entity_type, e.entity_id, t.name AS entity_name, e.ip, e.request_id, e.details
    FROM audit_events e
    LEFT JOIN users a ON a.id = e.actor_id
    -- An expert's id is their account's id.
    LEFT JOIN users t ON t.id = e.entity_id AND e.entity_type IN ('user', 'expert')`;

@Injectable()
export class AuditEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findPage(filter: AuditEventFilterQuery, limit: number, offset: number): Promise<[AuditEventRow[], number]> {
    const { where, params } = whereClause(filter);
    const [rows, count] = await Promise.all([
      this.dataSource.query<AuditEventRow[]>(
        `${SELECT} ${where} ORDER BY e.occurred_at DESC, e.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, limit, offset],
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM audit_events e LEFT JOIN users a ON a.id = e.actor_id ${where}`,
        params,
      ),
    ]);
    return [rows, count[0].total];
  }

  findNewest(filter: AuditEventFilterQuery, limit: number): Promise<AuditEventRow[]> {
    const { where, params } = whereClause(filter);
    return this.dataSource.query<AuditEventRow[]>(
      `${SELECT} ${where} ORDER BY e.occurred_at DESC, e.id DESC LIMIT $${params.length + 1}`,
      [...params, limit],
    );
  }
}

function whereClause(filter: AuditEventFilterQuery): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.actorId) add((p) => `e.actor_id = ${p}`, filter.actorId);
  if (filter.actorEmail) add((p) => `a.email = ${p}::citext`, filter.actorEmail);
  if (filter.action?.includes('.')) add((p) => `e.action = ${p}`, filter.action);
  // A family: "user" is every user.* action; the pattern has no wildcards of its own (the DTO allows [a-z_] only, and _ is escaped).
  else if (filter.action) add((p) => `e.action LIKE ${p}`, `${filter.action.replace(/_/g, '\\_')}.%`);
  if (filter.entityType) add((p) => `e.entity_type = ${p}`, filter.entityType);
  if (filter.entityId) add((p) => `e.entity_id = ${p}`, filter.entityId);
  if (filter.from) add((p) => `e.occurred_at >= ${p}`, filter.from);
  if (filter.to) add((p) => `e.occurred_at < ${p}`, filter.to);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
