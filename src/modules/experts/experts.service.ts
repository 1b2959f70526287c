import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { Clock } from '../../common/clock/clock.service';
import { fieldError } from '../../common/errors/domain-error';
import { Page } from '../../common/http/pagination.dto';
import { AuditService } from '../audit';
import { UsersRepository } from '../users';
import { DirectoryQuery } from './dto/directory.query';
import {
  ExpertDirectoryItemResponse,
  ExpertResponse,
  TopicVocabularyResponse,
  toExpertResponse,
  toTopicResponse,
} from './dto/expert.response';
import { SetTopicsDto } from './dto/set-topics.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ExpertEntity } from './entities/expert.entity';
import { ExpertErrors } from './experts.errors';
import { ExpertsRepository } from './experts.repository';
import { TOPICS_CONSENT_TEXT, TOPICS_CONSENT_VERSION } from './topics-consent';

// The profile an expert keeps, and the coordinator's directory of experts.
@Injectable()
export class ExpertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly experts: ExpertsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async me(ctx: AuthContext): Promise<ExpertResponse> {
    return toExpertResponse(await this.found(ctx.user.id));
  }

  async updateMe(ctx: AuthContext, dto: UpdateProfileDto): Promise<ExpertResponse> {
    const expert = await this.found(ctx.user.id);
    const municipalities = [dto.homeMunicipality ?? null, ...(dto.travelMunicipalities ?? [])].filter(
      (m): m is string => !!m,
    );
    const unknown = await this.experts.unknownMunicipalities(municipalities);
    if (unknown.length > 0) {
      const field =
        dto.homeMunicipality && unknown.includes(dto.homeMunicipality) ? 'homeMunicipality' : 'travelMunicipalities';
      throw fieldError(field, 'unknownMunicipality', `${unknown.join(', ')} is not one of the county's municipalities`);
    }
    const { name, preferredLanguage, ...profile } = dto;
    const changed = Object.keys(dto).filter((k) => dto[k as keyof UpdateProfileDto] !== undefined);
    // A change with nothing in it (a form saved as it was) writes nothing, not even an audit row.
    if (changed.length === 0) return this.me(ctx);
    await this.dataSource.transaction(async (manager) => {
      if (Object.keys(profile).length > 0) await this.experts.update(manager, expert.userId, profile);
      if (name !== undefined || preferredLanguage !== undefined) {
        await this.users.update(manager, expert.userId, { name, language: preferredLanguage });
      }
      await this.audit.log(ctx, 'expert.profile_updated', ['expert', expert.userId], { fields: changed }, manager);
    });
    return this.me(ctx);
  }

  async setTopics(ctx: AuthContext, dto: SetTopicsDto): Promise<ExpertResponse> {
    const expert = await this.found(ctx.user.id);
    const unknown = await this.experts.unknownTopics(dto.topics);
    if (unknown.length > 0)
      throw fieldError('topics', 'unknownTopic', `${unknown.join(', ')} is not in the topic vocabulary`);
    if (dto.topics.length > 0 && dto.consentVersion !== TOPICS_CONSENT_VERSION) throw ExpertErrors.consentRequired();
    await this.dataSource.transaction(async (manager) => {
      await this.experts.update(
        manager,
        expert.userId,
        dto.topics.length > 0
          ? { topics: dto.topics, topicsConsentAt: this.clock.now(), topicsConsentVersion: dto.consentVersion }
          : // Withdrawing every topic withdraws the consent too.
            { topics: [], topicsConsentAt: null, topicsConsentVersion: null },
      );
      await this.audit.log(
        ctx,
        'expert.topics_set',
        ['expert', expert.userId],
        { consentVersion: dto.topics.length > 0 ? dto.consentVersion : null },
        manager,
      );
    });
    return this.me(ctx);
  }

  async topics(): Promise<TopicVocabularyResponse> {
    const topics = await this.experts.findTopics();
    return {
      topics: topics.map(toTopicResponse),
      consentVersion: TOPICS_CONSENT_VERSION,
      consentText: TOPICS_CONSENT_TEXT,
    };
  }

  async directory(ctx: AuthContext, query: DirectoryQuery): Promise<Page<ExpertDirectoryItemResponse>> {
    const [rows, total] = await this.experts.findDirectoryPage(query);
    const counts = await this.experts.credentialCounts(rows.map((e) => e.userId));
    const items = rows.map((e) => ({
      ...forStaff(ctx, toExpertResponse(e)),
      credentials: counts.get(e.userId) ?? { pending: 0, verified: 0, rejected: 0 },
    }));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(ctx: AuthContext, id: string): Promise<ExpertResponse> {
    return forStaff(ctx, toExpertResponse(await this.found(id)));
  }

  private async found(id: string): Promise<ExpertEntity> {
    const expert = await this.experts.findById(id);
    if (!expert) throw ExpertErrors.notFound();
    return expert;
  }
}

// A pause reason may be about health: the coordinator reads it, an admin does not.
function forStaff(ctx: AuthContext, expert: ExpertResponse): ExpertResponse {
  return ctx.user.role === Role.Coordinator ? expert : { ...expert, pauseReason: null };
}
