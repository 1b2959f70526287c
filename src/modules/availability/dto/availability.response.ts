import { ApiProperty } from '@nestjs/swagger';
import { UnavailableReason } from '../availability.rule';
import { AbsenceEntity } from '../entities/absence.entity';
import { OneOffWindowEntity } from '../entities/one-off-window.entity';
import { WeeklyWindowEntity } from '../entities/weekly-window.entity';
import { formatLocalTime } from '../local-time.util';

export class WeeklyWindowResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ minimum: 1, maximum: 7 }) weekday: number;
  @ApiProperty({ example: '09:00' }) from: string;
  @ApiProperty({ example: '12:00' }) to: string;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validUntil: string | null;
}

export class OneOffWindowResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: '09:00' }) from: string;
  @ApiProperty({ example: '12:00' }) to: string;
}

export class AbsenceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) firstDay: string;
  @ApiProperty({ format: 'date' }) lastDay: string;
}

export class AvailabilityResponse {
  @ApiProperty({ type: [WeeklyWindowResponse] }) weekly: WeeklyWindowResponse[];
  @ApiProperty({ type: [OneOffWindowResponse] }) oneOff: OneOffWindowResponse[];
  @ApiProperty({ type: [AbsenceResponse] }) absences: AbsenceResponse[];
}

export class AvailabilityCheckResponse {
  @ApiProperty() available: boolean;
  @ApiProperty({
    enum: UnavailableReason,
    enumName: 'UnavailableReason',
    isArray: true,
    description: 'Empty when available',
  })
  reasons: UnavailableReason[];
}

export class AvailableExpertResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export function toWeeklyWindowResponse(w: WeeklyWindowEntity): WeeklyWindowResponse {
  return {
    id: w.id,
    weekday: w.weekday,
    from: formatLocalTime(w.startMinute),
    to: formatLocalTime(w.endMinute),
    validFrom: w.validFrom,
    validUntil: w.validUntil,
  };
}

export function toOneOffWindowResponse(o: OneOffWindowEntity): OneOffWindowResponse {
  return { id: o.id, date: o.day, from: formatLocalTime(o.startMinute), to: formatLocalTime(o.endMinute) };
}

export function toAbsenceResponse(a: AbsenceEntity): AbsenceResponse {
  return { id: a.id, firstDay: a.firstDay, lastDay: a.lastDay };
}
