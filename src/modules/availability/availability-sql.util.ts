import { COUNTY_ZONE } from '../../common/i18n/format';

// The meaning of "available for [start, end)", as SQL that other features compose into their own queries
// (the booking matcher adds its conditions beside it). Arguments are SQL expressions written by our code,
// never user input: a placeholder ('$1', ':start') or a column ('r.starts_at'), each of type timestamptz.
//
// Windows are kept in local wall-clock minutes. For the local date of `start` each window becomes the
// instants it means on that date (so 09:00–12:00 is 06:00Z–09:00Z in summer and 07:00Z–10:00Z in winter);
// the union of those instants must contain the whole range. Adjacent windows (09:00–11:00 and 11:00–13:00,
// weekly or one-off) therefore together cover 10:00–12:00. A range that ends after the next local midnight
// is never covered: windows live within one day.
//
// Subqueries use aliases starting with av_; do not use such aliases in the surrounding query. There are
// no :: casts, so TypeORM's :named parameters (even :date) cannot collide with the fragment.
export interface AvailabilityTerms {
  active: string;
  crossesMidnight: string;
  absent: string;
  covered: string;
}

export function availabilityTerms(startSql: string, endSql: string, expertAlias = 'e'): AvailabilityTerms {
  const tz = `'${COUNTY_ZONE}'`;
  const start = `CAST(${startSql} AS timestamptz)`;
  const end = `CAST(${endSql} AS timestamptz)`;
  const day = `CAST(${start} AT TIME ZONE ${tz} AS date)`;
  const instant = (minuteColumn: string) => `((${day} + make_interval(mins => ${minuteColumn})) AT TIME ZONE ${tz})`;
  // A window starting inside the spring-forward gap (03:30–04:00 on that Sunday) would end before it
  // starts, as PostgreSQL reads a missing local time with the winter offset; it becomes empty instead.
  const windowRange = `tstzrange(${instant('av_x.start_minute')}, GREATEST(${instant('av_x.start_minute')}, ${instant('av_x.end_minute')}))`;
  const expert = `${expertAlias}.user_id`;
  return {
    active: `(${expertAlias}.status = 'active')`,
    crossesMidnight: `(${end} > (CAST(${day} + 1 AS timestamp) AT TIME ZONE ${tz}))`,
    absent: `EXISTS (SELECT 1 FROM availability_absences av_a
        WHERE av_a.expert_id = ${expert} AND daterange(av_a.first_day, av_a.last_day, '[]') @> ${day})`,
    // An empty or reversed range is nobody's: an empty range is contained in every window.
    covered: `(${start} < ${end} AND COALESCE((
        SELECT range_agg(${windowRange})
        FROM (
          SELECT av_w.start_minute, av_w.end_minute FROM availability_weekly_windows av_w
          WHERE av_w.expert_id = ${expert}
            AND av_w.weekday = CAST(EXTRACT(ISODOW FROM ${day}) AS smallint)
            AND daterange(av_w.valid_from, av_w.valid_until, '[]') @> ${day}
          UNION ALL
          SELECT av_o.start_minute, av_o.end_minute FROM availability_one_off_windows av_o
          WHERE av_o.expert_id = ${expert} AND av_o.day = ${day}
        ) av_x
      ) @> tstzrange(${start}, GREATEST(${start}, ${end})), false))`,
  };
}

// One boolean condition over the experts alias: true exactly when the expert is available for the range.
// Example (booking's matcher):
//   SELECT e.user_id FROM experts e JOIN booking_requests r ON r.id = $1
//   WHERE ${availableExpertsSql('r.starts_at', 'r.ends_at')} AND ...
export function availableExpertsSql(startSql: string, endSql: string, expertAlias = 'e'): string {
  const t = availabilityTerms(startSql, endSql, expertAlias);
  // No crossesMidnight term: windows end by the next local midnight, so covered already excludes it.
  return `(${t.active} AND NOT ${t.absent} AND ${t.covered})`;
}
