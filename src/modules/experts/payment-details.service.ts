import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '../../common/auth/auth-context';
import { FieldCipher, fieldHash } from '../../common/crypto/field-cipher';
import { fieldError } from '../../common/errors/domain-error';
import { PgCode, pgErrorCode } from '../../common/errors/pg-errors';
import {
  maskIban,
  maskIdentityCode,
  normaliseIban,
  parsePersonalIdentityCode,
} from '../../common/validation/finnish-identifiers';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { ClearPaymentDetailsResponse, PaymentDetailsResponse, toPaymentDetailsResponse } from './dto/expert.response';
import { PaymentDetailsDto } from './dto/payment-details.dto';
import { cipherContext, Payee, PaymentDetailsEntity } from './entities/payment-details.entity';
import { ExpertErrors } from './experts.errors';
import { ExpertsRepository } from './experts.repository';

@Injectable()
export class PaymentDetailsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly experts: ExpertsRepository,
    private readonly cipher: FieldCipher,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  // Masked, but the masked identity code still tells the date of birth: another's read is in the audit log too.
  async get(ctx: AuthContext, expertId: string): Promise<PaymentDetailsResponse> {
    const details = await this.experts.findPaymentDetails(expertId);
    if (!details) throw ExpertErrors.noPaymentDetails();
    if (ctx.user.id !== expertId)
      await this.audit.log(ctx, 'expert.payment_details_read', ['expert', expertId], {
        fields: ['iban', 'identityCode', 'associationIban'],
        masked: true,
      });
    return toPaymentDetailsResponse(details);
  }

  async put(ctx: AuthContext, dto: PaymentDetailsDto): Promise<PaymentDetailsResponse> {
    const expertId = ctx.user.id;
    // Fields that would mean nothing are refused rather than dropped: the caller learns they were not kept.
    if (
      dto.taxCardYear !== undefined &&
      dto.taxCardYear !== null &&
      (dto.taxPercent === undefined || dto.taxPercent === null)
    )
      throw fieldError('taxCardYear', 'withTaxPercent', 'is given only together with taxPercent');
    if (dto.association !== undefined && dto.payee !== Payee.Association)
      throw fieldError('association', 'onlyForAssociation', 'is given only when payee is association');
    if (!(await this.experts.findById(expertId))) throw ExpertErrors.notFound();
    const current = await this.experts.findPaymentDetails(expertId);
    const next: Partial<PaymentDetailsEntity> = {
      expertId,
      payee: dto.payee,
      declinesFee: dto.declinesFee ?? current?.declinesFee ?? false,
      taxPercent:
        dto.taxPercent === undefined
          ? (current?.taxPercent ?? null)
          : dto.taxPercent === null
            ? null
            : dto.taxPercent.toFixed(2),
      taxCardYear: dto.taxPercent === undefined ? (current?.taxCardYear ?? null) : (dto.taxCardYear ?? null),
    };
    if (dto.iban) {
      const iban = normaliseIban(dto.iban);
      next.ibanEncrypted = this.cipher.encrypt(iban, cipherContext(expertId, 'iban'));
      next.ibanMasked = maskIban(iban);
    }
    if (dto.identityCode) {
      const parsed = parsePersonalIdentityCode(dto.identityCode);
      if (!parsed.valid)
        throw fieldError('identityCode', 'isIdentityCode', 'must be a valid Finnish personal identity code');
      next.identityCodeEncrypted = this.cipher.encrypt(parsed.normalised, cipherContext(expertId, 'identity_code'));
      next.identityCodeMasked = maskIdentityCode(parsed.normalised);
      next.identityCodeHash = fieldHash(parsed.normalised, this.config.env.ENCRYPTION_KEY[0].key);
      next.dateOfBirth = parsed.dateOfBirth;
    }
    if (dto.payee === Payee.Association && dto.association) {
      const iban = normaliseIban(dto.association.iban);
      next.associationName = dto.association.name;
      next.associationBusinessId = dto.association.businessId.trim();
      next.associationIbanEncrypted = this.cipher.encrypt(iban, cipherContext(expertId, 'association_iban'));
      next.associationIbanMasked = maskIban(iban);
    } else {
      Object.assign(next, {
        associationName: null,
        associationBusinessId: null,
        associationIbanEncrypted: null,
        associationIbanMasked: null,
      });
    }
    const saved = await this.dataSource
      .transaction(async (manager) => {
        const saved = await this.experts.savePaymentDetails(manager, next);
        // Field names only: never the values.
        const fields = Object.keys(dto).filter((k) => dto[k as keyof PaymentDetailsDto] !== undefined);
        await this.audit.log(ctx, 'expert.payment_details_updated', ['expert', expertId], { fields }, manager);
        return saved;
      })
      .catch((error: unknown) => {
        throw pgErrorCode(error) === PgCode.UniqueViolation ? ExpertErrors.identityCodeTaken() : error;
      });
    return toPaymentDetailsResponse(saved);
  }

  // The one path to the clear values; every read is in the audit log.
  async readClear(ctx: AuthContext, expertId: string): Promise<ClearPaymentDetailsResponse> {
    const details = await this.experts.findPaymentDetailsWithSecrets(expertId);
    if (!details) throw ExpertErrors.noPaymentDetails();
    await this.audit.log(ctx, 'expert.payment_details_read_clear', ['expert', expertId], {
      fields: ['iban', 'identityCode', 'associationIban'],
    });
    const open = (value: string | null, field: Parameters<typeof cipherContext>[1]) =>
      value === null ? null : this.cipher.decrypt(value, cipherContext(expertId, field));
    return {
      iban: open(details.ibanEncrypted, 'iban'),
      identityCode: open(details.identityCodeEncrypted, 'identity_code'),
      associationIban: open(details.associationIbanEncrypted, 'association_iban'),
    };
  }
}
