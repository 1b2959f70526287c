import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, Length } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { TaskType } from '../../../common/domain/task-type';
import { Language } from '../../../common/i18n/language';
import { IsDateOnly } from '../../../common/validation/is-date-only.decorator';
import { FeeRunEntity, FeeRunStatus } from '../entities/fee-run.entity';
import { FeeRunFileEntity, FeeRunFileKind } from '../entities/fee-run-file.entity';
import { FeeRunLineEntity, LinePayee } from '../entities/fee-run-line.entity';
import { CostCentreTotals } from '../fee-runs/fee-runs.repository';

export class StartFeeRunDto {
  @ApiProperty({
    example: '2026-10-31',
    format: 'date',
    description: 'Approved claims for work up to and including this day; not in the future',
  })
  @IsDateOnly()
  upTo: string;

  @ApiPropertyOptional({
    example: '2026-11-06',
    format: 'date',
    description:
      'The planned payment day (Europe/Helsinki), from today to 366 days ahead; today when left out. Tax is withheld by the tax card of its year',
  })
  @IsOptional()
  @IsDateOnly()
  paymentDate?: string;
}

export class FeeRunQueuedResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FeeRunStatus, enumName: 'FeeRunStatus' }) status: FeeRunStatus;
}

export class FeeRunErrorResponse {
  @ApiProperty() code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ format: 'uuid' }) claimId?: string;
}

export class FeeRunFileResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FeeRunFileKind, enumName: 'FeeRunFileKind' }) kind: FeeRunFileKind;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) expertId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'A statement’s expert, by name; null otherwise' })
  expertName: string | null;
  @ApiPropertyOptional({ enum: Language, enumName: 'Language', nullable: true }) language: Language | null;
  @ApiProperty() fileName: string;
  @ApiProperty() mediaType: string;
  @ApiProperty({ description: 'SHA-256 of the bytes served, hex; the download ETag' }) sha256: string;
  @ApiProperty() size: number;
}

export class FeeRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) upTo: string;
  @ApiProperty({ format: 'date', description: 'The planned payment day; the tax cards of its year apply' })
  paymentDate: string;
  @ApiProperty({ enum: FeeRunStatus, enumName: 'FeeRunStatus' }) status: FeeRunStatus;
  @ApiProperty({ format: 'date-time', description: 'Claims approved up to this instant are in the run' })
  cutoffAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) computedAt: string | null;
  @ApiProperty({ description: 'How many times a worker took the run up; more than one: it resumed' })
  executions: number;
  @ApiPropertyOptional({ type: FeeRunErrorResponse, nullable: true }) error: FeeRunErrorResponse | null;
  @ApiProperty() lineCount: number;
  @ApiProperty({ description: 'Approved claims left for a later run: the payee has no bank account on file' })
  skippedCount: number;
  @ApiProperty() grossFeeCents: number;
  @ApiProperty() travelAndCostsCents: number;
  @ApiProperty() withholdingCents: number;
  @ApiProperty() netCents: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) firstApprovedBy: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) approvedBy: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) approvedAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) exportRequestedAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) exportedAt: string | null;
}

// While the worker computes: how many claims are priced of all the run takes. A finished run is at 100.
export class FeeRunProgressResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FeeRunStatus, enumName: 'FeeRunStatus' }) status: FeeRunStatus;
  @ApiProperty({ description: 'Claims priced into lines so far' }) processedClaims: number;
  @ApiProperty({ description: 'Claims the run takes: those priced and those still waiting' }) totalClaims: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Whole per cent; 100 once computed' }) percent: number;
}

export class FeeRunLinesQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the lines of this cost centre' })
  @IsOptional()
  @Length(1, 40)
  costCentre?: string;

  @ApiPropertyOptional({ enum: TaskType, enumName: 'TaskType' })
  @IsOptional()
  @IsEnum(TaskType)
  taskType?: TaskType;

  @ApiPropertyOptional({ enum: LinePayee, enumName: 'LinePayee' })
  @IsOptional()
  @IsEnum(LinePayee)
  payeeKind?: LinePayee;
}

export class FeeRunPageResponse {
  @ApiProperty({ type: [FeeRunResponse] }) items: FeeRunResponse[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

// What one line pays (time in quarter hours, money in euro cents): the coordinator's review and the expert's data
// export show the same figures.
export class FeeLineAmountsResponse {
  @ApiProperty() quarterHours: number;
  @ApiProperty() grossFeeCents: number;
  @ApiProperty() carTravelCents: number;
  @ApiProperty() costsCents: number;
  @ApiProperty() travelAndCostsCents: number;
  @ApiProperty() withholdingCents: number;
  @ApiProperty() netCents: number;
}

// A line as the coordinator reviews it: everything but the bank account.
export class FeeRunLineResponse extends FeeLineAmountsResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty({ enum: LinePayee, enumName: 'LinePayee' }) payeeKind: LinePayee;
  @ApiProperty() payeeName: string;
  @ApiProperty() costCentre: string;
  @ApiProperty({ enum: TaskType, enumName: 'TaskType' }) taskType: TaskType;
  @ApiProperty({ format: 'date' }) workDate: string;
  @ApiProperty() incomeType: string;
  @ApiPropertyOptional({ type: String, nullable: true }) taxPercent: string | null;
}

export class FeeRunLinePageResponse {
  @ApiProperty({ type: [FeeRunLineResponse] }) items: FeeRunLineResponse[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class CostCentreTotalsResponse {
  @ApiProperty() costCentre: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationCode: string;
  @ApiProperty() organisationNameFi: string;
  @ApiProperty() organisationNameSv: string;
  @ApiProperty() lines: number;
  @ApiProperty({ description: 'Reported work and preparation minutes' }) minutes: number;
  @ApiProperty() grossFeeCents: number;
  @ApiProperty() travelAndCostsCents: number;
  @ApiProperty() withholdingCents: number;
  @ApiProperty() netCents: number;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toFeeRunResponse(r: FeeRunEntity): FeeRunResponse {
  return {
    id: r.id,
    upTo: r.upTo,
    paymentDate: r.paymentDate,
    status: r.status,
    cutoffAt: r.cutoffAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    computedAt: iso(r.computedAt),
    executions: r.executions,
    error: r.error,
    lineCount: r.lineCount,
    skippedCount: r.skippedCount,
    grossFeeCents: r.grossFeeCents,
    travelAndCostsCents: r.travelAndCostsCents,
    withholdingCents: r.withholdingCents,
    netCents: r.netCents,
    firstApprovedBy: r.firstApprovedBy,
    approvedBy: r.approvedBy,
    approvedAt: iso(r.approvedAt),
    exportRequestedAt: iso(r.exportRequestedAt),
    exportedAt: iso(r.exportedAt),
  };
}

export function toFeeRunLineResponse(l: FeeRunLineEntity): FeeRunLineResponse {
  return {
    id: l.id,
    claimId: l.claimId,
    expertId: l.expertId,
    payeeKind: l.payeeKind,
    payeeName: l.payeeName,
    costCentre: l.costCentre,
    taskType: l.taskType,
    workDate: l.workDate,
    incomeType: l.incomeType,
    ...lineAmounts(l),
    taxPercent: l.taxPercent,
  };
}

// The hours and money of a line, as every response that shows one gives them.
export function lineAmounts(
  l: FeeRunLineEntity,
): Pick<
  FeeRunLineEntity,
  | 'quarterHours'
  | 'grossFeeCents'
  | 'carTravelCents'
  | 'costsCents'
  | 'travelAndCostsCents'
  | 'withholdingCents'
  | 'netCents'
> {
  return {
    quarterHours: l.quarterHours,
    grossFeeCents: l.grossFeeCents,
    carTravelCents: l.carTravelCents,
    costsCents: l.costsCents,
    travelAndCostsCents: l.travelAndCostsCents,
    withholdingCents: l.withholdingCents,
    netCents: l.netCents,
  };
}

export function toFeeRunFileResponse(f: FeeRunFileEntity & { expertName: string | null }): FeeRunFileResponse {
  return {
    id: f.id,
    kind: f.kind,
    expertId: f.expertId,
    expertName: f.expertName,
    language: f.language,
    fileName: f.fileName,
    mediaType: f.mediaType,
    sha256: f.sha256,
    size: f.sizeBytes,
  };
}

export function toCostCentreTotalsResponse(t: CostCentreTotals): CostCentreTotalsResponse {
  return { ...t };
}
