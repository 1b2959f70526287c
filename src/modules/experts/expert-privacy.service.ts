import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock.service';
import { AuditService } from '../audit';
import { ReasonDto } from './dto/anonymise.dto';
import { ExpertResponse, toExpertResponse } from './dto/expert.response';
import { ExpertAnonymiser } from './expert-anonymiser.service';
import { nextExpertStatus } from './expert-transitions.rule';
import { ExpertErrors } from './experts.errors';
import { ExpertsRepository } from './experts.repository';

// The expert's right to erasure by anonymisation (GDPR art. 17); their data export is ExpertDataExport.
@Injectable()
export class ExpertPrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly experts: ExpertsRepository,
    private readonly anonymiser: ExpertAnonymiser,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async requestErasure(ctx: AuthContext): Promise<ExpertResponse> {
    const expert = await this.experts.findById(ctx.user.id);
    if (!expert) throw ExpertErrors.notFound();
    await this.dataSource.transaction(async (manager) => {
      // A request already on file (a second tab, a double tap) keeps its time and is not audited again.
      if (await this.experts.markErasureRequested(manager, expert.userId, this.clock.now()))
        await this.audit.log(ctx, 'expert.erasure_requested', ['expert', expert.userId], {}, manager);
    });
    return toExpertResponse((await this.experts.findById(expert.userId)) ?? expert);
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
