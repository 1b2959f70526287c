import { ApiProperty } from '@nestjs/swagger';
import { IsDateOnly } from '../../../common/validation/is-date-only.decorator';

// Dates only: no reason is asked or kept (it may be health data).
export class CreateAbsenceDto {
  @ApiProperty({ example: '2026-07-01', format: 'date', description: 'First local date away' })
  @IsDateOnly()
  firstDay: string;

  @ApiProperty({ example: '2026-07-21', format: 'date', description: 'Last local date away (inclusive)' })
  @IsDateOnly()
  lastDay: string;
}
