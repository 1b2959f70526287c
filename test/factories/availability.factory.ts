import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AbsenceEntity } from '../../src/modules/availability/entities/absence.entity';
import { OneOffWindowEntity } from '../../src/modules/availability/entities/one-off-window.entity';
import { WeeklyWindowEntity } from '../../src/modules/availability/entities/weekly-window.entity';
import { parseLocalTime } from '../../src/modules/availability/local-time.util';
import { createExpert, ExpertOverrides } from './experts.factory';
import { login, TestUser } from './users.factory';

function minutes(value: string): number {
  const m = parseLocalTime(value);
  if (m === null) throw new Error(`Not a local time: ${value}`);
  return m;
}

// Straight into the tables, for tests that need availability as a given (matching, data sets).
export async function addWeeklyWindow(
  db: DataSource,
  expertId: string,
  w: { weekday: number; from: string; to: string; validFrom?: string; validUntil?: string | null },
): Promise<string> {
  const row = await db.getRepository(WeeklyWindowEntity).save({
    expertId,
    weekday: w.weekday,
    startMinute: minutes(w.from),
    endMinute: minutes(w.to),
    validFrom: w.validFrom ?? '2000-01-01',
    validUntil: w.validUntil ?? null,
  });
  return row.id;
}

export async function addOneOffWindow(
  db: DataSource,
  expertId: string,
  o: { date: string; from: string; to: string },
): Promise<string> {
  const row = await db
    .getRepository(OneOffWindowEntity)
    .save({ expertId, day: o.date, startMinute: minutes(o.from), endMinute: minutes(o.to) });
  return row.id;
}

export async function addAbsence(
  db: DataSource,
  expertId: string,
  a: { firstDay: string; lastDay: string },
): Promise<string> {
  const row = await db.getRepository(AbsenceEntity).save({ expertId, ...a });
  return row.id;
}

// An expert with a profile row (active unless told otherwise), signed in.
export async function loggedInExpert(
  db: DataSource,
  http: TestAgent,
  overrides: ExpertOverrides = {},
): Promise<TestUser & { token: string }> {
  const user = await createExpert(db, overrides);
  return { ...user, token: await login(http, user) };
}
