import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LinePayee } from '../../fees/entities/fee-run-line.entity';

export class YearQuery {
  @ApiPropertyOptional({ example: 2026, minimum: 2020, maximum: 2100, description: 'Calendar year in Helsinki time; this year by default' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2020)
  @Max(2100)
  year?: number;
}

export class SpendRowResponse {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ enum: ['unit', 'project'] }) kind: string;
  @ApiProperty() code: string;
  @ApiProperty() nameFi: string;
  @ApiProperty() nameSv: string;
  @ApiProperty({ example: '2026-10', description: 'Month of the work' }) month: string;
  @ApiProperty() claims: number;
  @ApiProperty() feesCents: number;
  @ApiProperty() travelAndCostsCents: number;
  @ApiProperty({ description: 'Fees and travel and costs' }) totalCents: number;
}

export class SpendReportResponse {
  @ApiProperty() year: number;
  @ApiProperty({ type: [SpendRowResponse] }) rows: SpendRowResponse[];
}

export class HoursRowResponse {
  @ApiProperty() taskType: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Null: the request named no topic' }) topic: string | null;
  @ApiProperty() claims: number;
  @ApiProperty() minutes: number;
  @ApiProperty() hours: number;
}

export class HoursReportResponse {
  @ApiProperty() year: number;
  @ApiProperty({ type: [HoursRowResponse] }) rows: HoursRowResponse[];
}

export class UnfilledRowResponse {
  @ApiPropertyOptional({ type: String, nullable: true }) topic: string | null;
  @ApiProperty() language: string;
  @ApiProperty() requests: number;
  @ApiProperty({ description: 'Experts needed but not found' }) missingExperts: number;
}

export class UnfilledReportResponse {
  @ApiProperty() year: number;
  @ApiProperty({ type: [UnfilledRowResponse] }) rows: UnfilledRowResponse[];
}

export class EarningsRowResponse {
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Fees paid to the expert this year, before withholding' }) paidFeesCents: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) ceilingCents: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) remainingCents: number | null;
  @ApiProperty({ description: 'At 90 % of the ceiling or more' }) nearCeiling: boolean;
  @ApiProperty() overCeiling: boolean;
}

export class EarningsReportResponse {
  @ApiProperty() year: number;
  @ApiProperty({ type: [EarningsRowResponse] }) rows: EarningsRowResponse[];
}

export class MyEarningsResponse {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Fees paid to you this year, before withholding (by day of payment)' }) paidFeesCents: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) ceilingCents: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) remainingCents: number | null;
  @ApiProperty() nearCeiling: boolean;
  @ApiProperty() overCeiling: boolean;
}

export class PaidLineResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty({ format: 'date' }) workDate: string;
  @ApiProperty({ format: 'date-time' }) paidAt: string;
  @ApiProperty({ enum: LinePayee, enumName: 'LinePayee' }) payeeKind: LinePayee;
  @ApiProperty() payeeName: string;
  @ApiProperty() grossFeeCents: number;
  @ApiProperty() travelAndCostsCents: number;
  @ApiProperty() withholdingCents: number;
  @ApiProperty() netCents: number;
}

export class PaidLinePageResponse {
  @ApiProperty({ type: [PaidLineResponse] }) items: PaidLineResponse[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class StatementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty() fileName: string;
  @ApiProperty() language: string;
  @ApiProperty() sha256: string;
  @ApiProperty() size: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
