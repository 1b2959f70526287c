import { ApiProperty } from '@nestjs/swagger';
import { TaskType } from '../../../common/domain/task-type';
import { AssignmentStatus } from '../../booking/entities/assignment.entity';
import { OrganisationKind } from '../../organisations/entities/organisation.entity';
import { statusOn } from '../lifecycle/contract-transitions.rule';
import { CoveredAssignment } from '../contracts.repository';
import { ContractEntity, ContractLanguage, ContractStatus, TerminationCause } from '../entities/contract.entity';

export class ContractOrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OrganisationKind, enumName: 'OrganisationKind' }) kind: OrganisationKind;
  @ApiProperty() code: string;
  @ApiProperty() nameFi: string;
  @ApiProperty() nameSv: string;
}

export class ContractAssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AssignmentStatus, enumName: 'AssignmentStatus' }) status: AssignmentStatus;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: TaskType, enumName: 'TaskType' }) taskType: TaskType;
  @ApiProperty() title: string;
}

export class ContractFeeResponse {
  @ApiProperty({ enum: ['hourly', 'per_event'] }) basis: 'hourly' | 'per_event';
  @ApiProperty({ description: 'Euro cents' }) rateCents: number;
  @ApiProperty({ description: 'Euro cents, for all the tasks' }) expectedCents: number;
}

export class ContractSignatureResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'SHA-256 of the PDF that was signed' }) pdfSha256: string;
  @ApiProperty() ip: string;
  @ApiProperty() userAgent: string;
}

export class ContractResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KOK-2026-000123' }) number: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ContractStatus, enumName: 'ContractStatus' }) status: ContractStatus;
  @ApiProperty({ enum: ContractLanguage, enumName: 'ContractLanguage', description: 'The binding language' })
  language: ContractLanguage;
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() expertName: string;
  @ApiProperty({ type: ContractOrganisationResponse }) organisation: ContractOrganisationResponse;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ format: 'date', description: 'Inclusive' }) validUntil: string;
  @ApiProperty({ type: [ContractAssignmentResponse] }) assignments: ContractAssignmentResponse[];
  @ApiProperty({
    type: ContractFeeResponse,
    nullable: true,
    description: 'As stated in the contract; null until approved',
  })
  fee: ContractFeeResponse | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The version this one replaces once signed',
  })
  supersedesId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supersededById: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) approvedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the stored PDF; null until rendered' })
  pdfSha256: string | null;
  @ApiProperty({ type: ContractSignatureResponse, nullable: true }) signature: ContractSignatureResponse | null;
  @ApiProperty({
    description:
      'Whether the signed copy (GET /contracts/{id}/signed-pdf) is ready: made by the worker shortly after signing',
  })
  signedCopyReady: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'SHA-256 of the signed copy (the approved PDF with its signature page); null until made',
  })
  signedCopySha256: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) terminatedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) terminationReason: string | null;
  @ApiProperty({
    enum: TerminationCause,
    enumName: 'TerminationCause',
    nullable: true,
    description:
      'coordinator: ended by the coordinator; work_cancelled: every assignment it covered was cancelled or withdrawn from',
  })
  terminationCause: TerminationCause | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

// What an orderer may know: whether a contract covers the assignment, and its state. Nothing of its content.
export class ContractStatusResponse {
  @ApiProperty() exists: boolean;
  @ApiProperty({ enum: ContractStatus, enumName: 'ContractStatus', nullable: true }) status: ContractStatus | null;
}

export class ContractPageResponse {
  @ApiProperty({ type: [ContractResponse] }) items: ContractResponse[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

// today: a Helsinki date; the status is the state as of that day (statusOn).
export function toContractResponse(c: ContractEntity, covered: CoveredAssignment[], today: string): ContractResponse {
  const o = c.organisation!;
  const fee = c.snapshot?.fee;
  return {
    id: c.id,
    number: c.number,
    version: c.version,
    status: statusOn(c, today),
    language: c.language,
    expertId: c.expertId,
    expertName: c.expert?.user?.name ?? '',
    organisation: { id: o.id, kind: o.kind, code: o.code, nameFi: o.nameFi, nameSv: o.nameSv },
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    assignments: covered.map(({ assignment: a }) => ({
      id: a.id,
      status: a.status,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      taskType: a.request.taskType,
      title: a.request.title,
    })),
    fee: fee ? { basis: fee.basis, rateCents: fee.rateCents, expectedCents: fee.expectedCents } : null,
    supersedesId: c.supersedesId,
    supersededById: c.supersededById,
    approvedAt: c.approvedAt?.toISOString() ?? null,
    approvedBy: c.approvedBy,
    pdfSha256: c.pdfSha256,
    signature:
      c.signedAt && c.signedPdfSha256
        ? {
            at: c.signedAt.toISOString(),
            pdfSha256: c.signedPdfSha256,
            ip: c.signedIp ?? '',
            userAgent: c.signedUserAgent ?? '',
          }
        : null,
    signedCopyReady: Boolean(c.signedCopy),
    signedCopySha256: c.signedCopy?.sha256 ?? null,
    terminatedAt: c.terminatedAt?.toISOString() ?? null,
    terminationReason: c.terminationReason,
    terminationCause: c.terminationCause,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toContractStatusResponse(contract: ContractEntity | null, today: string): ContractStatusResponse {
  return { exists: contract !== null, status: contract ? statusOn(contract, today) : null };
}
