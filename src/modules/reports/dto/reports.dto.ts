import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Null: the request named no topic' }) topic:
    string | null;
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

export class NoShowRowResponse {
  @ApiProperty({ example: '2026-10', description: 'Month of the work (Helsinki time)' }) month: string;
  @ApiProperty({ format: 'uuid', description: 'The ordering unit or project' }) organisationId: string;
  @ApiProperty({ enum: ['unit', 'project'] }) kind: string;
  @ApiProperty() code: string;
  @ApiProperty() nameFi: string;
  @ApiProperty() nameSv: string;
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() expertName: string;
  @ApiProperty({ description: 'Assignments the expert did not come to' }) noShows: number;
}

export class NoShowsReportResponse {
  @ApiProperty() year: number;
  @ApiProperty({ type: [NoShowRowResponse] }) rows: NoShowRowResponse[];
}
