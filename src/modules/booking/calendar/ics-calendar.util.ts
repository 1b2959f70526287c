import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
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

// Every TZID the feed uses is defined in the file itself (RFC 5545 §3.2.19): ical-generator writes a VTIMEZONE
// for each, made by timezones-ical-library from the IANA time zone database. It describes the rule in force
// today, as calendar applications expect: for Europe/Helsinki EET, and EEST from the last Sunday of March to
// the last Sunday of October (the EU rule; until 1995 summer time in Finland ended on the last Sunday of
// September). The feed carries recent and future assignments only, so earlier rules never apply.
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

export function calendarLocation(
  e: Pick<CalendarEntry, 'remote' | 'address' | 'municipalityFi' | 'municipalitySv'>,
): string {
  if (e.remote) return REMOTE_LOCATION;
  const names =
    e.municipalityFi && e.municipalitySv && e.municipalityFi !== e.municipalitySv
      ? `${e.municipalityFi} / ${e.municipalitySv}`
      : e.municipalityFi;
  return [e.address, names].filter(Boolean).join(', ');
}

// The expert's own assignments as an iCalendar feed: when, what (the order's title) and where. Nothing about
// topics, health, the orderer or other experts. Pure and deterministic: the same entries give the same bytes.
export function renderCalendarFeed(entries: CalendarEntry[]): string {
  const calendar = ical({
    name: 'Kokemus',
    prodId: { company: 'Pohjanmaan hyvinvointialue', product: 'Kokemus', language: 'FI' },
    // No calendar-wide zone (name null), only the generator for the events' zones: DTSTAMP stays in UTC.
    timezone: { name: null, generator: vtimezone },
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
  return calendar.toString();
}
