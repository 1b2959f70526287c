import { ApiProperty } from '@nestjs/swagger';
import { MatchesPattern } from '../../../common/validation/matches-pattern.decorator';
import { IsDateOnly } from '../../../common/validation/is-date-only.decorator';
import { LOCAL_END_TIME_PATTERN, LOCAL_TIME_PATTERN } from '../local-time.util';

export class CreateOneOffWindowDto {
  @ApiProperty({ example: '2026-10-25', format: 'date', description: 'Local date in Europe/Helsinki' })
  @IsDateOnly()
  date: string;

  @ApiProperty({ example: '09:00', description: 'Local time, HH:MM' })
  @MatchesPattern(LOCAL_TIME_PATTERN, { message: 'from must be a time of day as HH:MM' })
  from: string;

  @ApiProperty({ example: '12:00', description: 'Local time, HH:MM (24:00 = end of day); after from' })
  @MatchesPattern(LOCAL_END_TIME_PATTERN, { message: 'to must be a time of day as HH:MM, or 24:00' })
  to: string;
}
