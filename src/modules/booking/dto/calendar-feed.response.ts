import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedResponse {
  @ApiProperty({
    example: 'https://kokemus.pohjanmaanhyvinvointi.fi/calendar/3q2-7wEjz4t0Yv8m6cYpKQ4tq3yV5u0Kxg1r1nZc0iA.ics',
    description: 'Secret: whoever has it sees the assignments. Shown once; a new one revokes the old',
  })
  url: string;
}

// Whether a feed URL exists: the URL itself cannot be read back (only its hash is kept).
export class CalendarFeedStatusResponse {
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the current URL was made' })
  createdAt: string | null;
}
