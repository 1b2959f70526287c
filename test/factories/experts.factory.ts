import { DataSource } from 'typeorm';
import { Role } from '../../src/common/auth/role.enum';
import { TaskType } from '../../src/common/domain/task-type';
import { Language } from '../../src/common/i18n/language';
import { ExpertEntity, ExpertStatus } from '../../src/modules/experts/entities/expert.entity';
import { createUser, TestUser } from './users.factory';

export type ExpertOverrides = Partial<
  Pick<
    ExpertEntity,
    | 'status'
    | 'homeMunicipality'
    | 'travelMunicipalities'
    | 'worksRemotely'
    | 'languages'
    | 'taskTypes'
    | 'topics'
    | 'maxPerWeek'
    | 'maxPerMonth'
    | 'yearlyEarningsCeilingCents'
  >
> & { name?: string; language?: Language };

// An expert account with a profile; active and bookable-looking unless told otherwise.
export async function createExpert(db: DataSource, overrides: ExpertOverrides = {}): Promise<TestUser> {
  const user = await createUser(db, Role.Expert, {
    name: overrides.name ?? 'Test Expert',
    language: overrides.language,
  });
  await db.getRepository(ExpertEntity).insert({
    userId: user.id,
    status: overrides.status ?? ExpertStatus.Active,
    homeMunicipality: overrides.homeMunicipality ?? '905',
    travelMunicipalities: overrides.travelMunicipalities ?? [],
    worksRemotely: overrides.worksRemotely ?? false,
    languages: overrides.languages ?? ['fi'],
    taskTypes: overrides.taskTypes ?? Object.values(TaskType),
    topics: overrides.topics ?? ['mental_health'],
    topicsConsentAt: new Date(),
    topicsConsentVersion: 'topics-v1',
    maxPerWeek: overrides.maxPerWeek ?? null,
    maxPerMonth: overrides.maxPerMonth ?? null,
    yearlyEarningsCeilingCents: overrides.yearlyEarningsCeilingCents ?? null,
    activatedAt: (overrides.status ?? ExpertStatus.Active) === ExpertStatus.Active ? new Date() : null,
  });
  return user;
}
