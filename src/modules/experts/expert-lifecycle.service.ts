import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { Clock } from '../../common/clock/clock.service';
import { PgCode, pgErrorCode } from '../../common/errors/pg-errors';
import { AuditService } from '../audit';
import { CredentialsRepository } from '../credentials';
import { InvitationsService } from '../auth';
import { MailService } from '../mail';
import { UsersRepository } from '../users';
import { ApplyDto } from './dto/apply.dto';
import { ExpertResponse, toExpertResponse } from './dto/expert.response';
import { PauseDto } from './dto/pause.dto';
import { ExpertEntity, ExpertStatus } from './entities/expert.entity';
import { ExpertAction, nextExpertStatus } from './expert-transitions.rule';
import { ExpertOpenWork } from './expert-open-work.service';
import { ExpertErrors } from './experts.errors';
import { ExpertsRepository } from './experts.repository';
import { applicationMail } from './mail/application.mail';

// Becoming an expert and moving between applicant, active, paused and retired.
@Injectable()
export class ExpertLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly experts: ExpertsRepository,
    private readonly users: UsersRepository,
    private readonly credentials: CredentialsRepository,
    private readonly invitations: InvitationsService,
    private readonly mail: MailService,
    private readonly openWork: ExpertOpenWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // Public sign-up. The answer is the same whether or not the address is known, so it reveals no accounts.
  async apply(meta: RequestMeta, dto: ApplyDto): Promise<void> {
    const mailId = await this.dataSource
      .transaction(async (manager) => {
        const user = await this.users.addInvited(manager, dto, Role.Expert);
        const mailId = await this.invitations.invite(manager, user, null, { template: applicationMail });
        await this.audit.log({ actorId: null, meta }, 'expert.applied', ['expert', user.id], {}, manager);
        return mailId;
      })
      .catch((error: unknown) => {
        if (pgErrorCode(error) === PgCode.UniqueViolation) return null;
        throw error;
      });
    if (mailId) await this.mail.dispatch([mailId]);
  }

  async activate(ctx: AuthContext, id: string): Promise<ExpertResponse> {
    const expert = await this.found(id);
    if (!(await this.credentials.hasVerifiedCredential(id))) throw ExpertErrors.noVerifiedCredential();
    return this.move(ctx, expert, 'activate');
  }

  async retire(ctx: AuthContext, id: string): Promise<ExpertResponse> {
    return this.move(ctx, await this.found(id), 'retire');
  }

  // The coordinator pauses an expert (for example at the expert's request by phone); the reason is theirs to read.
  async pauseExpert(ctx: AuthContext, id: string, dto: PauseDto = {}): Promise<ExpertResponse> {
    return this.move(ctx, await this.found(id), 'pause', { pauseReason: dto.reason ?? null });
  }

  async resumeExpert(ctx: AuthContext, id: string): Promise<ExpertResponse> {
    return this.move(ctx, await this.found(id), 'resume', { pauseReason: null });
  }

  // An expert pausing or resuming themselves: the same move as the coordinator's.
  async pause(ctx: AuthContext, dto: PauseDto = {}): Promise<ExpertResponse> {
    return this.pauseExpert(ctx, ctx.user.id, dto);
  }

  async resume(ctx: AuthContext): Promise<ExpertResponse> {
    return this.resumeExpert(ctx, ctx.user.id);
  }

  // `also`: columns that change with the status (never written to the audit log: a pause reason may be health data).
  private async move(
    ctx: AuthContext,
    expert: ExpertEntity,
    action: ExpertAction,
    also: Partial<Pick<ExpertEntity, 'pauseReason'>> = {},
  ): Promise<ExpertResponse> {
    const to = nextExpertStatus(expert.status, action);
    if (!to) throw ExpertErrors.badTransition(expert.status, action);
    await this.dataSource.transaction(async (manager) => {
      // Guarded by the old status: of two concurrent moves, one wins and the other changes nothing.
      const moved = await this.experts.moveStatus(manager, expert.userId, expert.status, {
        status: to,
        ...also,
        ...(to === ExpertStatus.Active && action === 'activate' ? { activatedAt: this.clock.now() } : {}),
      });
      if (!moved) throw ExpertErrors.badTransition(expert.status, action);
      // Under the row lock the move just took: a retired expert is expected nowhere and asked nothing.
      if (action === 'retire')
        await this.openWork.settle(manager, expert.userId, 'retire', { actorId: ctx.user.id, meta: ctx });
      await this.audit.log(ctx, `expert.${action}`, ['expert', expert.userId], { from: expert.status, to }, manager);
    });
    return toExpertResponse({ ...expert, ...also, status: to });
  }

  private async found(id: string): Promise<ExpertEntity> {
    const expert = await this.experts.findById(id);
    if (!expert) throw ExpertErrors.notFound();
    return expert;
  }
}
