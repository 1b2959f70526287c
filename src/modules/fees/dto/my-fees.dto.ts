import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QueryInt } from '../../../common/validation/query-int.decorator';
import { FeeRunFileEntity } from '../entities/fee-run-file.entity';
import { LinePayee } from '../entities/fee-run-line.entity';

export class YearQuery {
  @ApiPropertyOptional({
    example: 2026,
    minimum: 2020,
    maximum: 2100,
    description: 'Calendar year in Helsinki time; this year by default',
  })
  @QueryInt(2020, 2100)
  year?: number;
}

export class MyEarningsResponse {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Fees paid to you this year, before withholding (by day of payment)' })
  paidFeesCents: number;
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

export function toStatementResponse(f: FeeRunFileEntity): StatementResponse {
  return {
    id: f.id,
    runId: f.runId,
    fileName: f.fileName,
    language: f.language ?? 'fi',
    sha256: f.sha256,
    size: f.sizeBytes,
    createdAt: f.createdAt.toISOString(),
  };
}
