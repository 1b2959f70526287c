import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { OfferStatus } from '../entities/offer.entity';

export class MatchingContextQuery {
  @ApiPropertyOptional({
    type: String,
    description: 'Comma-separated expert ids (at most 200): the candidates on the screen, whose load is wanted',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').filter((v) => v !== '') : value,
  )
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  expertIds?: string[];
}

export class RequestOfferResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() expertName: string;
  @ApiProperty({ enum: OfferStatus, enumName: 'OfferStatus' }) status: OfferStatus;
  @ApiProperty({ format: 'date-time' }) offeredAt: string;
  @ApiProperty({ format: 'date-time' }) deadline: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The expert’s own words; may be about health: the coordinator’s only',
  })
  declineReason: string | null;
}

export class CandidateLoadResponse {
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty({ description: 'Accepted, confirmed or completed assignments in the order’s week (Helsinki time)' })
  week: number;
  @ApiProperty({ description: 'The same in the order’s month' }) month: number;
  @ApiProperty({ type: Number, nullable: true }) maxPerWeek: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxPerMonth: number | null;
  @ApiProperty({ description: 'Offers of any order sent to the expert in the last 30 days' }) offersLast30Days: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the expert was last offered work',
  })
  lastOfferedAt: string | null;
}

export class ScoreWeightsResponse {
  @ApiProperty() base: number;
  @ApiProperty({ description: 'Per topic shared with the order' }) perSharedTopic: number;
  @ApiProperty({ description: 'Lives in the order’s municipality (not for remote work)' }) homeMunicipality: number;
  @ApiProperty({ description: 'Speaks the order’s first language' }) firstLanguage: number;
  @ApiProperty({ description: 'Subtracted per assignment in the last 90 days (fairness)' }) perRecentAssignment: number;
}

// What the coordinator needs beside the ranking: the offers already made for this order, each candidate's load
// around the order's date and recent offers, and the weights that turn reasons into points.
export class MatchingContextResponse {
  @ApiProperty({
    type: [RequestOfferResponse],
    description: 'Every offer of this order, newest first, whatever its state',
  })
  offers: RequestOfferResponse[];
  @ApiProperty({ type: [CandidateLoadResponse] }) loads: CandidateLoadResponse[];
  @ApiProperty({ type: ScoreWeightsResponse }) weights: ScoreWeightsResponse;
}
