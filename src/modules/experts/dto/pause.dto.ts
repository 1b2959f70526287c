import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class PauseDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 500,
    example: 'Lomalla heinäkuun loppuun',
    description:
      'Optional; may be about health: read only by the expert and the coordinator, never by orderers or admins',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}
