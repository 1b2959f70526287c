import { ApiProperty } from '@nestjs/swagger';

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
