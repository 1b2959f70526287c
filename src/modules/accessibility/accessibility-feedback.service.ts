import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { Language } from '../../common/i18n/language';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { MailService } from '../mail';
import { AccessibilityFeedbackRepository } from './accessibility-feedback.repository';
import {
  AccessibilityFeedbackPageResponse,
  toAccessibilityFeedbackResponse,
} from './dto/accessibility-feedback.response';
import { CreateAccessibilityFeedbackDto } from './dto/create-accessibility-feedback.dto';
import { accessibilityFeedbackMail } from './mail/accessibility-feedback.mail';

@Injectable()
export class AccessibilityFeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feedback: AccessibilityFeedbackRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  // Stored and mailed in one transaction: the coordinator's mailbox gets exactly what the list shows.
  async create(meta: RequestMeta, dto: CreateAccessibilityFeedbackDto): Promise<void> {
    const mailId = await this.dataSource.transaction(async (manager) => {
      const row = await this.feedback.insert(manager, {
        message: dto.message,
        email: dto.email ?? null,
        name: dto.name?.trim() || null,
        page: dto.page ?? null,
        language: dto.language ?? null,
      });
      await this.audit.log(
        { actorId: null, meta },
        'accessibility_feedback.received',
        ['accessibility_feedback', row.id],
        {},
        manager,
      );
      // The mailbox is the county's, not a person's: Finnish, the county's working language.
      return this.mail.compose(
        manager,
        { userId: null, email: this.config.env.ACCESSIBILITY_FEEDBACK_EMAIL, language: Language.Fi },
        accessibilityFeedbackMail,
        {
          id: row.id,
          message: row.message,
          name: row.name,
          email: row.email,
          page: row.page,
          language: row.language,
        },
      );
    });
    await this.mail.dispatch([mailId]);
  }

  async list(_ctx: AuthContext, query: PageQueryDto): Promise<AccessibilityFeedbackPageResponse> {
    const [rows, total] = await this.feedback.findNewestFirst(query.limit, query.offset);
    return { items: rows.map(toAccessibilityFeedbackResponse), total, limit: query.limit, offset: query.offset };
  }
}
