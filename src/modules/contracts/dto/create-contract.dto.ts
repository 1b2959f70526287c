import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { IsDateOnly } from '../../../common/validation/is-date-only.decorator';

// One contract for a series of one expert's assignments, replacing their drafts.
export class CreateContractDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  expertId: string;

  @ApiProperty({
    maxItems: 50,
    minItems: 1,
    type: [String],
    format: 'uuid',
    description: 'The expert’s accepted assignments, all ordered by one unit or project',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  assignmentIds: string[];

  @ApiProperty({ example: '2026-03-01', description: 'First day of the term (Helsinki date)' })
  @IsDateOnly()
  validFrom: string;

  @ApiProperty({
    example: '2026-06-30',
    description: 'Last day of the term, inclusive; the term must cover every assignment',
  })
  @IsDateOnly()
  validUntil: string;
}
