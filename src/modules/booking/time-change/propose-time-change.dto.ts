import { ApiProperty } from '@nestjs/swagger';
import { IsInstant } from '../../../common/validation/instant.decorator';

export class ProposeTimeChangeDto {
  @ApiProperty({
    example: '2026-10-22T07:00:00Z',
    format: 'date-time',
    description: 'The new start, an ISO instant with its UTC offset; in the future',
  })
  @IsInstant()
  startsAt: string;

  @ApiProperty({
    example: '2026-10-22T09:00:00Z',
    format: 'date-time',
    description: 'The new end, after the start (half-open [startsAt, endsAt)); at most 10 hours after it',
  })
  @IsInstant()
  endsAt: string;
}
