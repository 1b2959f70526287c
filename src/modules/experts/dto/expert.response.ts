import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TaskType } from '../../../common/domain/task-type';
import { Language } from '../../../common/i18n/language';
import { ExpertEntity, ExpertStatus } from '../entities/expert.entity';
import { Payee, PaymentDetailsEntity } from '../entities/payment-details.entity';
import { TopicEntity } from '../entities/topic.entity';

export class ExpertResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: Language, enumName: 'Language' }) preferredLanguage: Language;
  @ApiProperty({ enum: ExpertStatus, enumName: 'ExpertStatus' }) status: ExpertStatus;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) homeMunicipality: string | null;
  @ApiProperty({ type: [String] }) travelMunicipalities: string[];
  @ApiProperty() worksRemotely: boolean;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ enum: TaskType, enumName: 'TaskType', isArray: true }) taskTypes: TaskType[];
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) topicsConsentAt: string | null;
  @ApiProperty({ type: String, nullable: true }) topicsConsentVersion: string | null;
  @ApiProperty({ type: String, nullable: true }) introFi: string | null;
  @ApiProperty({ type: String, nullable: true }) introSv: string | null;
  @ApiProperty({ type: Number, nullable: true }) maxPerWeek: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxPerMonth: number | null;
  @ApiProperty({ type: Number, nullable: true }) yearlyEarningsCeilingCents: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The expert’s reason for pausing: the expert and the coordinator only (null for others)',
  })
  pauseReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) erasureRequestedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CredentialCountsResponse {
  @ApiProperty({ description: 'Waiting for the coordinator' }) pending: number;
  @ApiProperty() verified: number;
  @ApiProperty() rejected: number;
}

// A row of the coordinator's directory: the profile and how its certificates stand.
export class ExpertDirectoryItemResponse extends ExpertResponse {
  @ApiProperty({ type: CredentialCountsResponse }) credentials: CredentialCountsResponse;
}

export class ExpertPageResponse {
  @ApiProperty({ type: [ExpertDirectoryItemResponse] }) items: ExpertDirectoryItemResponse[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class AssociationResponse {
  @ApiProperty() name: string;
  @ApiProperty() businessId: string;
  @ApiProperty({ example: 'FI** **** **** **** 85' }) ibanMasked: string;
}

// Only masked forms: the clear IBAN and identity code never leave through this shape.
export class PaymentDetailsResponse {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'FI** **** **** **** 85' }) ibanMasked: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '131052-****' }) identityCodeMasked: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) taxPercent: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) taxCardYear: number | null;
  @ApiProperty({ enum: Payee, enumName: 'Payee' }) payee: Payee;
  @ApiProperty() declinesFee: boolean;
  @ApiPropertyOptional({ type: AssociationResponse, nullable: true }) association: AssociationResponse | null;
}

export class ClearPaymentDetailsResponse {
  @ApiProperty({ type: String, nullable: true }) iban: string | null;
  @ApiProperty({ type: String, nullable: true }) identityCode: string | null;
  @ApiProperty({ type: String, nullable: true }) associationIban: string | null;
}

export class TopicResponse {
  @ApiProperty() code: string;
  @ApiProperty() nameFi: string;
  @ApiProperty() nameSv: string;
  @ApiProperty() nameEn: string;
}

export class ConsentTextResponse {
  @ApiProperty() fi: string;
  @ApiProperty() sv: string;
  @ApiProperty() en: string;
}

export class TopicVocabularyResponse {
  @ApiProperty({ type: [TopicResponse] }) topics: TopicResponse[];
  @ApiProperty({ example: 'topics-v1' }) consentVersion: string;
  @ApiProperty({ type: () => ConsentTextResponse, description: 'The consent text, by language' })
  consentText: ConsentTextResponse;
}

export function toExpertResponse(e: ExpertEntity): ExpertResponse {
  return {
    id: e.userId,
    name: e.user?.name ?? '',
    email: e.user?.email ?? '',
    preferredLanguage: e.user?.language ?? Language.Fi,
    status: e.status,
    phone: e.phone,
    homeMunicipality: e.homeMunicipality,
    travelMunicipalities: e.travelMunicipalities,
    worksRemotely: e.worksRemotely,
    languages: e.languages,
    taskTypes: e.taskTypes,
    topics: e.topics,
    topicsConsentAt: e.topicsConsentAt?.toISOString() ?? null,
    topicsConsentVersion: e.topicsConsentVersion,
    introFi: e.introFi,
    introSv: e.introSv,
    maxPerWeek: e.maxPerWeek,
    maxPerMonth: e.maxPerMonth,
    yearlyEarningsCeilingCents: e.yearlyEarningsCeilingCents,
    pauseReason: e.status === ExpertStatus.Paused ? (e.pauseReason ?? null) : null,
    erasureRequestedAt: e.erasureRequestedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toPaymentDetailsResponse(p: PaymentDetailsEntity): PaymentDetailsResponse {
  return {
    ibanMasked: p.ibanMasked,
    identityCodeMasked: p.identityCodeMasked,
    taxPercent: p.taxPercent === null ? null : Number(p.taxPercent),
    taxCardYear: p.taxCardYear,
    payee: p.payee,
    declinesFee: p.declinesFee,
    association:
      p.payee === Payee.Association
        ? {
            name: p.associationName ?? '',
            businessId: p.associationBusinessId ?? '',
            ibanMasked: p.associationIbanMasked ?? '',
          }
        : null,
  };
}

export function toTopicResponse(t: TopicEntity): TopicResponse {
  return { code: t.code, nameFi: t.nameFi, nameSv: t.nameSv, nameEn: t.nameEn };
}
