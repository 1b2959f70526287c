import { ApiProperty } from '@nestjs/swagger';
import { IsAfterInstant, IsInstant, MaxHoursAfter } from '../../../common/validation/instant.decorator';

// A half-open range [start, end) of instants; the offset is required.
export class AvailabilityRangeQuery {
  @ApiProperty({ example: '2026-10-18T09:00:00+03:00', format: 'date-time' })
  @IsInstant()
  start: string;

  @ApiProperty({
    example: '2026-10-18T12:00:00+03:00',
    format: 'date-time',
    description: 'After start, at most 24 hours later',
  })
  @IsInstant()
  @IsAfterInstant('start')
  @MaxHoursAfter('start', 24)
  end: string;
}
