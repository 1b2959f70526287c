import { DataSource } from 'typeorm';
import { Role } from '../../src/common/auth/role.enum';
import { CredentialStatus } from '../../src/modules/credentials/entities/training-credential.entity';
import { addWeeklyWindow } from './availability.factory';
import { createCredential } from './credentials.factory';
import { ExpertOverrides, createExpert } from './experts.factory';
import { createUser, TestUser } from './users.factory';

type Window = Parameters<typeof addWeeklyWindow>[2];

let verifier: Promise<TestUser> | undefined;

// An active expert with a verified credential, available every day 06:00–22:00 unless windows are given.
export async function createBookableExpert(
  db: DataSource,
  overrides: ExpertOverrides = {},
  windows: Window[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '06:00', to: '22:00' })),
): Promise<TestUser> {
  const expert = await createExpert(db, overrides);
  verifier ??= createUser(db, Role.Coordinator);
  await createCredential(db, expert.id, { status: CredentialStatus.Verified, decidedBy: (await verifier).id });
  for (const w of windows) await addWeeklyWindow(db, expert.id, w);
  return expert;
}
