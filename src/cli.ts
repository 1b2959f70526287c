import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Command } from 'commander';
import { isEmail } from 'class-validator';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { Role } from './common/auth/role.enum';
import { Language } from './common/i18n/language';
import { loadDotEnv } from './config/load-dot-env';
import { AuditService } from './modules/audit/audit.service';
import { InvitationsService } from './modules/auth/invitations.service';
import { UserEntity, UserStatus } from './modules/users/entities/user.entity';
import { MailMessageEntity } from './modules/mail/entities/mail-message.entity';
import { MailService } from './modules/mail/mail.service';
import { DemoSeedService } from './modules/demo/demo-seed.service';
import { DEMO_DOMAIN, DEMO_PASSWORD, DEMO_STAFF } from './modules/demo/demo-data';

// The first admin: created as an invitation, like every account. The link is printed (and mailed).
async function createAdmin(options: { email: string; name: string; language: Language }): Promise<void> {
  if (!isEmail(options.email)) throw new Error(`--email ${options.email} is not an e-mail address`);
  if (!Object.values(Language).includes(options.language)) throw new Error('--language must be fi, sv or en');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ runWorkers: false }), {
    logger: ['error'],
  });
  try {
    const db = app.get(DataSource);
    const { mailId } = await db.transaction(async (manager) => {
      const existing = await manager.findOneBy(UserEntity, { email: options.email });
      if (existing && (existing.role !== Role.Admin || existing.status !== UserStatus.Invited)) {
        throw new Error(`An account with e-mail ${options.email} already exists`);
      }
      const user =
        existing ??
        (await manager.save(UserEntity, {
          email: options.email,
          name: options.name,
          role: Role.Admin,
          language: options.language,
        }));
      const mailId = await app.get(InvitationsService).invite(manager, user, null);
      await app
        .get(AuditService)
        .log(null, 'user.invited', ['user', user.id], { role: Role.Admin, via: 'cli' }, manager);
      return { mailId };
    });
    const message = await db.getRepository(MailMessageEntity).findOneByOrFail({ id: mailId });
    const link = /https?:\/\/\S+#token=\S+/.exec(message.textBody ?? '')?.[0];
    const token = link?.split('#token=')[1];
    await app.get(MailService).dispatch([mailId]);
    console.log(`Admin ${options.email} invited. Set the password within the link's validity:`);
    console.log(`  link:  ${link}`);
    console.log(`  or:    curl -X POST <api>/auth/invitations/accept -H 'content-type: application/json' \\`);
    console.log(`           -d '{"token":"${token}","password":"<at least 12 characters>"}'`);
  } finally {
    await app.close();
  }
}

async function seedDemo(): Promise<void> {
  // With the workers: the demo's fee run is computed and exported by the real jobs, in this process.
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ runWorkers: true }), {
    logger: ['error', 'warn'],
  });
  await app.init();
  try {
    const outcome = await app.get(DemoSeedService).seed();
    console.log(outcome === 'seeded' ? 'Demo data seeded.' : 'Demo data was already there; nothing changed.');
    console.log(
      `Demo logins (password ${DEMO_PASSWORD}): ${DEMO_STAFF.map((s) => `${s.key}@${DEMO_DOMAIN}`).join(', ')}, expert01@${DEMO_DOMAIN} … expert40@${DEMO_DOMAIN}`,
    );
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  const program = new Command('kokemus').description('Kokemus administration');
  program
    .command('create-admin')
    .description('Create the first admin account as an invitation and print its one-time link')
    .requiredOption('--email <email>', 'the admin’s e-mail address')
    .option('--name <name>', 'display name', 'Administrator')
    .option('--language <language>', 'fi, sv or en', 'fi')
    .action(createAdmin);
  program
    .command('seed-demo')
    .description('Fill an empty database with the demo data (refuses a database that holds other data)')
    .action(seedDemo);
  await program.parseAsync(process.argv);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
