import { AssignmentStatus } from '../entities/assignment.entity';
import { CalendarEntry, calendarLocation, renderCalendarFeed } from './ics-calendar.util';

const entry = (overrides: Partial<CalendarEntry> = {}): CalendarEntry => ({
  assignmentId: '6f1c2a4e-0b7d-4a51-9c38-2f5d8e9a1b10',
  status: AssignmentStatus.Confirmed,
  title: 'Asiakasraati',
  startsAt: new Date('2026-10-20T07:00:00Z'),
  endsAt: new Date('2026-10-20T09:00:00Z'),
  remote: false,
  address: 'Hietalahdenkatu 2',
  municipalityFi: 'Vaasa',
  municipalitySv: 'Vasa',
  updatedAt: new Date('2026-10-01T07:30:00Z'),
  ...overrides,
});

// Unfolded content lines of one VEVENT, by property name with its parameters.
function eventLines(ics: string, uid: string): string[] {
  const events = ics
    .replace(/\r\n[ \t]/g, '')
    .split('BEGIN:VEVENT\r\n')
    .slice(1);
  const event = events.find((e) => e.includes(`UID:${uid}\r\n`));
  if (!event) throw new Error(`No event ${uid}`);
  return event.split('\r\n');
}

describe('iCalendar feed', () => {
  it('writes Helsinki wall time under TZID Europe/Helsinki, in summer and in winter time', () => {
    const ics = renderCalendarFeed([
      entry({
        assignmentId: 'summer',
        startsAt: new Date('2026-10-20T07:00:00Z'),
        endsAt: new Date('2026-10-20T09:00:00Z'),
      }),
      entry({
        assignmentId: 'winter',
        startsAt: new Date('2026-11-20T07:00:00Z'),
        endsAt: new Date('2026-11-20T09:00:00Z'),
      }),
    ]);
    expect(eventLines(ics, 'summer@kokemus')).toEqual(
      expect.arrayContaining([
        'DTSTART;TZID=Europe/Helsinki:20261020T100000',
        'DTEND;TZID=Europe/Helsinki:20261020T120000',
      ]),
    );
    expect(eventLines(ics, 'winter@kokemus')).toEqual(
      expect.arrayContaining([
        'DTSTART;TZID=Europe/Helsinki:20261120T090000',
        'DTEND;TZID=Europe/Helsinki:20261120T110000',
      ]),
    );
  });

  it('keeps the real length of a night across the October 2026 change to winter time', () => {
    // 02:00 EEST to 06:00 EET on Sunday 25 Oct 2026 is five real hours.
    const ics = renderCalendarFeed([
      entry({
        assignmentId: 'night',
        startsAt: new Date('2026-10-24T23:00:00Z'),
        endsAt: new Date('2026-10-25T04:00:00Z'),
      }),
    ]);
    expect(eventLines(ics, 'night@kokemus')).toEqual(
      expect.arrayContaining([
        'DTSTART;TZID=Europe/Helsinki:20261025T020000',
        'DTEND;TZID=Europe/Helsinki:20261025T060000',
      ]),
    );
  });

  it('defines the TZID it uses, once, before the events, and stamps in UTC', () => {
    const ics = renderCalendarFeed([entry({ assignmentId: 'a' }), entry({ assignmentId: 'b' })]);
    expect(ics.match(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Helsinki\r\n/g)).toHaveLength(1);
    expect(ics.indexOf('END:VTIMEZONE')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'));
    expect(eventLines(ics, 'a@kokemus')).toContain('DTSTAMP:20261001T073000Z');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  });

  it('defines Europe/Helsinki with today’s rule: EEST from the last Sunday of March to the last Sunday of October', () => {
    const ics = renderCalendarFeed([entry()]);
    const zone = ics.slice(ics.indexOf('BEGIN:VTIMEZONE'), ics.indexOf('END:VTIMEZONE'));
    const part = (name: string) => zone.slice(zone.indexOf(`BEGIN:${name}`), zone.indexOf(`END:${name}`)).split('\r\n');
    expect(part('DAYLIGHT')).toEqual(
      expect.arrayContaining(['TZOFFSETFROM:+0200', 'TZOFFSETTO:+0300', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU']),
    );
    expect(part('STANDARD')).toEqual(
      expect.arrayContaining(['TZOFFSETFROM:+0300', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU']),
    );
  });

  it('marks an accepted assignment tentative and a confirmed or completed one confirmed', () => {
    const ics = renderCalendarFeed([
      entry({ assignmentId: 'accepted', status: AssignmentStatus.Accepted }),
      entry({ assignmentId: 'confirmed', status: AssignmentStatus.Confirmed }),
      entry({ assignmentId: 'completed', status: AssignmentStatus.Completed }),
    ]);
    expect(eventLines(ics, 'accepted@kokemus')).toContain('STATUS:TENTATIVE');
    expect(eventLines(ics, 'confirmed@kokemus')).toContain('STATUS:CONFIRMED');
    expect(eventLines(ics, 'completed@kokemus')).toContain('STATUS:CONFIRMED');
  });

  it('names the place in Finnish and Swedish, or says the work is remote in three languages', () => {
    expect(calendarLocation(entry())).toBe('Hietalahdenkatu 2, Vaasa / Vasa');
    expect(calendarLocation(entry({ municipalityFi: 'Korsnäs', municipalitySv: 'Korsnäs', address: 'Centrum' }))).toBe(
      'Centrum, Korsnäs',
    );
    expect(calendarLocation(entry({ remote: true }))).toBe('Etä / Distans / Remote');
    const ics = renderCalendarFeed([entry({ assignmentId: 'x' })]);
    expect(eventLines(ics, 'x@kokemus')).toEqual(
      expect.arrayContaining(['SUMMARY:Asiakasraati', 'LOCATION:Hietalahdenkatu 2\\, Vaasa / Vasa']),
    );
  });

  it('escapes what a title could smuggle into the file', () => {
    const ics = renderCalendarFeed([entry({ assignmentId: 'y', title: 'Raati; osa 2\nEND:VEVENT' })]);
    expect(eventLines(ics, 'y@kokemus')).toContain('SUMMARY:Raati\\; osa 2\\nEND:VEVENT');
    expect(ics.match(/^END:VEVENT\r$/gm)).toHaveLength(1);
  });

  it('gives the same bytes for the same entries, and an empty but valid calendar for none', () => {
    expect(renderCalendarFeed([entry()])).toBe(renderCalendarFeed([entry()]));
    const empty = renderCalendarFeed([]);
    expect(empty).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR$/);
    expect(empty).not.toContain('VTIMEZONE');
  });
});
