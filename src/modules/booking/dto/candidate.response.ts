import { ApiProperty } from '@nestjs/swagger';
import { FUNNEL_STEPS, FunnelStep } from '../matching/matching.repository';

export class CandidateResponse {
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: String, nullable: true }) homeMunicipality: string | null;
  @ApiProperty() score: number;
  @ApiProperty({ type: [String], example: ['language:fi', 'topic:mental_health', 'place:home', 'recent:0'] })
  reasons: string[];
  @ApiProperty({ description: 'An open or accepted offer already exists' }) alreadyOffered: boolean;
}

export class CandidatePageResponse {
  @ApiProperty({ type: [CandidateResponse], description: 'This page of the ranking, best first' })
  items: CandidateResponse[];
  @ApiProperty({ description: 'All candidates of the order' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class FunnelStepResponse {
  @ApiProperty({
    enum: FUNNEL_STEPS,
    enumName: 'MatchFunnelStep',
    description:
      'verified: active, with a verified training credential; then, each on top of the ones before: language (speaks one of the order’s languages), topic (shares a topic, if the order names any), taskType (does this kind of task), place (works remotely, or lives or travels in the municipality), available (has set times covering the work and no absence), free (no accepted or confirmed assignment overlapping it), load (under the weekly and monthly caps)',
  })
  step: FunnelStep;
  @ApiProperty({ description: 'Experts left after this step and every step before it' }) experts: number;
}

export class MatchFunnelResponse {
  @ApiProperty({ type: [FunnelStepResponse], description: 'In order; the last step’s number is the candidates’ total' })
  steps: FunnelStepResponse[];
}
