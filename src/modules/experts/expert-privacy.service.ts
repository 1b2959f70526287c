import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import { ReasonDto } from './dto/anonymise.dto';
import { ExpertResponse, toExpertResponse, toPaymentDetailsResponse } from './dto/expert.response';
import { ExpertEntity } from './entities/expert.entity';
import { ERASABLE, ExpertAnonymiser } from './expert-anonymiser';
import { nextExpertStatus } from './expert-transitions';
import { ExpertErrors } from './experts.errors';
import { ExpertsRepository } from './experts.repository';
import { PaymentDetailsService } from './payment-details.service';

// The expert's rights: their whole data (GDPR art. 15) and erasure by anonymisation (art. 17).
@Injectable()
export class ExpertPrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly experts: ExpertsRepository,
    private readonly paymentDetails: PaymentDetailsService,
    private readonly anonymiser: ExpertAnonymiser,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async export(ctx: AuthContext): Promise<Record<string, unknown>> {
    const expert = await this.experts.findById(ctx.user.id);
    if (!expert?.user) throw ExpertErrors.notFound();
    const details = await this.experts.findPaymentDetails(expert.userId);
    const sections: Record<string, unknown> = {
      exportedAt: this.clock.now().toISOString(),
      account: {
        email: expert.user.email,
        name: expert.user.name,
        language: expert.user.language,
        createdAt: expert.user.createdAt.toISOString(),
        lastLoginAt: expert.user.lastLoginAt?.toISOString() ?? null,
      },
      profile: toExpertResponse(expert),
      paymentDetails: details
        ? { ...toPaymentDetailsResponse(details), clear: await this.paymentDetails.readClear(ctx, expert.userId) }
        : null,
    };
    for (const { table, column } of ERASABLE) {
      sections[table] = await this.dataSource.query(
        `SELECT to_jsonb(x) - 'content' AS row FROM ${table} x WHERE ${column} = $1`,
        [expert.userId],
      ).then((rows: { row: unknown }[]) => rows.map((r) => r.row));
    }
    sections.auditTrail = await this.dataSource.query(
      `SELECT occurred_at AS "occurredAt", action, entity_type AS "entityType", ip FROM audit_events
        WHERE actor_id = $1 OR entity_id = $1 ORDER BY occurred_at`,
      [expert.userId],
    );
    await this.audit.record({ actorId: ctx.user.id, action: 'expert.data_exported', entityType: 'expert', entityId: expert.userId, meta: ctx });
    return sections;
  }

  async requestErasure(ctx: AuthContext): Promise<ExpertResponse> {
    const expert = await this.experts.findById(ctx.user.id);
    if (!expert) throw ExpertErrors.notFound();
    const at = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.update(ExpertEntity, { userId: expert.userId, erasureRequestedAt: IsNull() }, { erasureRequestedAt: at });
      await this.audit.record({ actorId: ctx.user.id, action: 'expert.erasure_requested', entityType: 'expert', entityId: expert.userId, meta: ctx }, manager);
    });
    return toExpertResponse({ ...expert, erasureRequestedAt: expert.erasureRequestedAt ?? at });
  }

  async anonymise(ctx: AuthContext, id: string, dto: ReasonDto): Promise<ExpertResponse> {
    await this.dataSource.transaction(async (manager) => {
      const status = await this.anonymiser.lockStatus(manager, id);
      if (!status) throw ExpertErrors.notFound();
      if (!nextExpertStatus(status, 'anonymise')) throw ExpertErrors.badTransition(status, 'anonymise');
      await this.anonymiser.anonymise(manager, id, { actorId: ctx.user.id, meta: ctx, reason: dto.reason });
    });
    const after = await this.experts.findById(id);
    return toExpertResponse(after!);
  }
}
