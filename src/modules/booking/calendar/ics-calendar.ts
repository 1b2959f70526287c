import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { COUNTY_ZONE } from '../../../common/i18n/format';
import { AssignmentStatus } from '../entities/assignment.entity';

export interface CalendarEntry {
  assignmentId: string;
  status: AssignmentStatus;
  title: string;
  startsAt: Date;
  endsAt: Date;
  remote: boolean;
  address: string | null;
  municipalityFi: string | null;
  municipalitySv: string | null;
  updatedAt: Date;
}

export const REMOTE_LOCATION = 'Etä / Distans / Remote';

// Europe/Helsinki as published by the IANA database since 1983: EET, and EEST from the last Sunday of March to
// the last Sunday of October. A TZID must be defined in the file itself (RFC 5545 §3.2.19).
const HELSINKI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Helsinki',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
  '',
].join('\r\n');

export function calendarLocation(e: Pick<CalendarEntry, 'remote' | 'address' | 'municipalityFi' | 'municipalitySv'>): string {
  if (e.remote) return REMOTE_LOCATION;
  const names = e.municipalityFi && e.municipalitySv && e.municipalityFi !== e.municipalitySv ? `${e.municipalityFi} / ${e.municipalitySv}` : e.municipalityFi;
  return [e.address, names].filter(Boolean).join(', ');
}

// The expert's own assignments as an iCalendar feed: when, what (the order's title) and where. Nothing about
// topics, health, the orderer or other experts. Pure and deterministic: the same entries give the same bytes.
export function renderCalendarFeed(entries: CalendarEntry[]): string {
  const calendar = ical({
    name: 'Kokemus',
    prodId: { company: 'Pohjanmaan hyvinvointialue', product: 'Kokemus', language: 'FI' },
  });
  for (const e of entries) {
    calendar.createEvent({
      id: `${e.assignmentId}@kokemus`,
      // Zoned Luxon values: ical-generator would otherwise print a Date's process-local wall time under the TZID.
      start: DateTime.fromJSDate(e.startsAt, { zone: COUNTY_ZONE }),
      end: DateTime.fromJSDate(e.endsAt, { zone: COUNTY_ZONE }),
      timezone: COUNTY_ZONE,
      // No calendar-wide time zone is set, so DTSTAMP stays in UTC as RFC 5545 requires.
      stamp: DateTime.fromJSDate(e.updatedAt, { zone: 'utc' }),
      summary: e.title,
      location: calendarLocation(e),
      status: e.status === AssignmentStatus.Accepted ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  const text = calendar.toString();
  return entries.length === 0 ? text : text.replace('BEGIN:VEVENT', `${HELSINKI_VTIMEZONE}BEGIN:VEVENT`);
}
