import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessRequest, requireAccess } from '../../common/auth/access';
import { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { Clock } from '../../common/clock/clock.service';
import { pgConstraint } from '../../common/errors/pg-errors';
import { localDate } from '../../common/i18n/format';
import { AuditService } from '../audit';
// The one feature cycle allowed (.dependency-cruiser.cjs): a credential is filed for an existing expert, and its
// refusal when there is none is the expert's own error; experts' approval in turn needs a verified credential.
import { ExpertErrors } from '../experts';
import { FileDownload, FilesService, UploadedForm } from '../files';
import { MailService } from '../mail';
import { CredentialErrors } from './credentials.errors';
import { CredentialDecision, CredentialsRepository } from './credentials.repository';
import { CreateCredentialDto } from './dto/create-credential.dto';
import { CredentialResponse, toCredentialResponse } from './dto/credential.response';
import { RejectCredentialDto } from './dto/reject-credential.dto';
import { CredentialStatus, TrainingCredentialEntity } from './entities/training-credential.entity';
import { credentialRejectedMail } from './mail/credential-rejected.mail';
import { credentialVerifiedMail } from './mail/credential-verified.mail';

const ENTITY = 'training_credential';

@Injectable()
export class CredentialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: CredentialsRepository,
    private readonly files: FilesService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // With an idempotency key (the upload form's own), the credential sent with that key before is the answer: the
  // form sent again after a lost answer stores nothing more. Two sends at once: the unique index lets one in.
  async submit(
    ctx: AuthContext,
    { fields, file }: UploadedForm<CreateCredentialDto>,
    idempotencyKey?: string,
  ): Promise<CredentialResponse> {
    const sent = idempotencyKey && (await this.repo.findByKey(ctx.user.id, idempotencyKey));
    if (sent) return toCredentialResponse(sent);
    if (!(await this.repo.expertExists(ctx.user.id))) throw ExpertErrors.notFound();
    const today = localDate(this.clock.now());
    if (fields.completedOn > today) throw CredentialErrors.completedInFuture();
    // The file and the credential commit together or not at all.
    const saved = await this.dataSource
      .transaction(async (manager) => {
        const stored = await this.files.store(manager, ctx.user.id, file);
        const credential = await this.repo.insert(manager, {
          expertId: ctx.user.id,
          type: fields.type,
          provider: fields.provider,
          completedOn: fields.completedOn,
          fileId: stored.id,
          idempotencyKey: idempotencyKey ?? null,
        });
        await this.audit.log(
          ctx,
          'credential.submitted',
          [ENTITY, credential.id],
          { type: fields.type, fileId: stored.id },
          manager,
        );
        return { ...credential, file: stored };
      })
      .catch(async (error: unknown) => {
        if (!idempotencyKey || pgConstraint(error) !== 'training_credentials_one_per_key') throw error;
        return (await this.repo.findByKey(ctx.user.id, idempotencyKey))!;
      });
    return toCredentialResponse(saved);
  }

  async listOwn(ctx: AuthContext): Promise<CredentialResponse[]> {
    return (await this.repo.findForExpert(ctx.user.id)).map(toCredentialResponse);
  }

  async listForExpert(_ctx: AuthContext, expertId: string): Promise<CredentialResponse[]> {
    if (!(await this.repo.expertExists(expertId))) throw ExpertErrors.notFound();
    return (await this.repo.findForExpert(expertId)).map(toCredentialResponse);
  }

  async removeOwn(ctx: AuthContext, id: string): Promise<void> {
    const credential = await requireAccess(this.audit, ctx, this.credential(ctx, id, 'own'));
    if (credential.status !== CredentialStatus.Pending) throw CredentialErrors.alreadyDecided();
    await this.dataSource.transaction(async (manager) => {
      // Decided meanwhile: the coordinator's decision stands.
      if (!(await this.repo.deletePending(manager, id))) throw CredentialErrors.alreadyDecided();
      await this.files.remove(manager, credential.fileId);
      await this.audit.log(ctx, 'credential.deleted', [ENTITY, id], { fileId: credential.fileId }, manager);
    });
  }

  async file(ctx: AuthContext, id: string): Promise<FileDownload> {
    const credential = await requireAccess(this.audit, ctx, this.credential(ctx, id, 'ownOrStaff'));
    const download = await this.files.download(credential.fileId);
    if (!download) throw CredentialErrors.notFound();
    return download;
  }

  verify(ctx: AuthContext, id: string): Promise<CredentialResponse> {
    return this.decide(ctx, id, {
      status: CredentialStatus.Verified,
      rejectionReason: null,
      decidedBy: ctx.user.id,
      decidedAt: this.clock.now(),
    });
  }

  reject(ctx: AuthContext, id: string, dto: RejectCredentialDto): Promise<CredentialResponse> {
    return this.decide(ctx, id, {
      status: CredentialStatus.Rejected,
      rejectionReason: dto.reason,
      decidedBy: ctx.user.id,
      decidedAt: this.clock.now(),
    });
  }

  // The decision, its audit event and the mail to the expert commit together; the mail is queued after.
  private async decide(ctx: AuthContext, id: string, decision: CredentialDecision): Promise<CredentialResponse> {
    const { credential, mailId } = await this.dataSource.transaction(async (manager) => {
      const credential = await this.repo.decidePending(manager, id, decision);
      if (!credential) {
        throw (await this.repo.findById(id, manager)) ? CredentialErrors.alreadyDecided() : CredentialErrors.notFound();
      }
      const expert = await this.repo.findExpertUser(manager, credential.expertId);
      const params = {
        name: expert!.name,
        type: credential.type,
        provider: credential.provider,
        completedOn: credential.completedOn,
      };
      const to = { userId: expert!.id, email: expert!.email, language: expert!.language };
      const mailId =
        decision.status === CredentialStatus.Verified
          ? await this.mail.compose(manager, to, credentialVerifiedMail, params)
          : await this.mail.compose(manager, to, credentialRejectedMail, {
              ...params,
              reason: decision.rejectionReason!,
            });
      await this.audit.log(
        ctx,
        `credential.${decision.status}`,
        [ENTITY, id],
        { expertId: credential.expertId },
        manager,
      );
      return { credential, mailId };
    });
    await this.mail.dispatch([mailId]);
    return toCredentialResponse(credential);
  }

  // The expert sees only their own; coordinators (where allowed) see all. Another's credential
  // answers as if it did not exist, and the attempt is audited.
  private credential(
    ctx: AuthContext,
    id: string,
    rule: 'own' | 'ownOrStaff',
  ): AccessRequest<TrainingCredentialEntity> {
    const staff = rule === 'ownOrStaff' && ctx.user.role === Role.Coordinator;
    return {
      entityType: ENTITY,
      id,
      find: () => this.repo.findById(id),
      allows: (credential) => staff || credential.expertId === ctx.user.id,
      notFound: CredentialErrors.notFound,
    };
  }
}
