import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestMeta } from '../../common/auth/auth-context';
import { AuditDetails, AuditEventEntity } from './entities/audit-event.entity';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  meta?: Partial<RequestMeta>;
  // Ids and state names only: no personal data, no secrets.
  details?: AuditDetails;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Pass the transaction's manager so that the event commits or rolls back with the change it records.
  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditEventEntity, {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      ip: entry.meta?.ip ?? null,
      userAgent: entry.meta?.userAgent ?? null,
      requestId: entry.meta?.requestId ?? null,
      details: entry.details ?? {},
    });
  }
}
