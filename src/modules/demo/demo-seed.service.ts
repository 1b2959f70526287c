import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { composeIBAN } from 'ibantools';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, Like } from 'typeorm';
import { Role } from '../../common/auth/role.enum';
import { Clock } from '../../common/clock/clock.service';
import { FieldCipher } from '../../common/crypto/field-cipher';
import { COUNTY_ZONE } from '../../common/i18n/format';
import { Language } from '../../common/i18n/language';
import { maskIban } from '../../common/validation/finnish-identifiers';
import { PasswordHasher } from '../auth';
import { WeeklyWindowEntity } from '../availability/entities/weekly-window.entity';
import { BookingRequestEntity, RequestStatus } from '../booking/entities/booking-request.entity';
import {
  CredentialStatus,
  TrainingCredentialEntity,
  TrainingType,
} from '../credentials/entities/training-credential.entity';
import { ExpertEntity, ExpertStatus } from '../experts/entities/expert.entity';
import { cipherContext, Payee, PaymentDetailsEntity } from '../experts/entities/payment-details.entity';
import { TOPICS_CONSENT_VERSION } from '../experts';
import { StoredFileEntity } from '../files/entities/stored-file.entity';
import { MediaType } from '../files';
import { MembershipEntity } from '../organisations/entities/membership.entity';
import { OrganisationEntity, OrganisationKind } from '../organisations/entities/organisation.entity';
import { UserEntity, UserStatus } from '../users/entities/user.entity';
import { DemoHistory } from './demo-history.service';
import { DEMO_DOMAIN, DEMO_PASSWORD, DEMO_PROJECTS, DEMO_STAFF, DEMO_UNITS, demoExperts } from './demo-data';

export type SeedOutcome = 'seeded' | 'already-seeded';

const CERTIFICATE = Buffer.from('%PDF-1.4\n% Demo certificate\n%%EOF\n');

// Demo data that tells the county's story. Runs only on an empty database (or one it seeded before). The people,
// organisations, open orders and last month's bookings are written in one transaction, so a failure there
// leaves nothing behind; last month's contracts, completions, claims and fee run then go through the real
// services and jobs.
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly cipher: FieldCipher,
    private readonly history: DemoHistory,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<SeedOutcome> {
    const users = this.dataSource.getRepository(UserEntity);
    if ((await users.count()) > 0) {
      if (await users.existsBy({ email: Like(`%@${DEMO_DOMAIN}`) })) return 'already-seeded';
      throw new Error('The database already holds data that is not demo data; refusing to seed it');
    }
    const started = performance.now();
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const { coordinatorId, past } = await this.dataSource.transaction(async (manager) => {
      const ids = await this.staff(manager, passwordHash);
      await this.organisations(manager, ids);
      const experts = await this.experts(manager, passwordHash, ids.get('coordinator')!);
      await this.openRequests(manager, ids);
      const ordererOf = new Map(
        DEMO_STAFF.flatMap((s) => ('units' in s ? s.units.map((u) => [u, ids.get(s.key)!] as const) : [])),
      );
      return {
        coordinatorId: ids.get('coordinator')!,
        past: await this.history.bookPastWork(manager, experts, ordererOf),
      };
    });
    const coordinator = await users.findOneByOrFail({ id: coordinatorId });
    // Outside the transaction: the contract services and the fee run open their own, as a request would.
    const booked = performance.now();
    await this.history.contractsAndClaims(past, coordinator);
    const tourExpert = await users.findOneByOrFail({ email: `${demoExperts()[0].key}@${DEMO_DOMAIN}` });
    await this.history.offerOpenOrder(coordinator, tourExpert);
    const bookedExpert = await this.history.bookUpcomingWork(coordinator, tourExpert);
    const signed = performance.now();
    const paid = await this.history.payRun(coordinator);
    const ms = (from: number, to: number) => Math.round(to - from);
    this.logger.log(
      {
        bookedMs: ms(started, booked),
        contractsMs: ms(booked, signed),
        feeRunMs: ms(signed, performance.now()),
        upcomingWorkBookedFor: bookedExpert,
      },
      paid
        ? 'Demo data seeded, with last month paid in one fee run'
        : 'Demo data seeded; the demo fee run is still open',
    );
    return 'seeded';
  }

  private async staff(manager: EntityManager, passwordHash: string): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const s of DEMO_STAFF) {
      const user = await manager.save(UserEntity, {
        email: `${s.key}@${DEMO_DOMAIN}`,
        name: s.name,
        role: s.role as Role,
        language: s.language as Language,
        status: UserStatus.Active,
        passwordHash,
      });
      ids.set(s.key, user.id);
    }
    return ids;
  }

  private async organisations(manager: EntityManager, ids: Map<string, string>): Promise<void> {
    const byCode = new Map<string, string>();
    for (const u of DEMO_UNITS) {
      const saved = await manager.save(OrganisationEntity, {
        ...u,
        kind: OrganisationKind.Unit,
        activeFrom: '2023-01-01',
        activeUntil: null,
      });
      byCode.set(u.code, saved.id);
    }
    for (const p of DEMO_PROJECTS) {
      const saved = await manager.save(OrganisationEntity, {
        code: p.code,
        nameFi: p.nameFi,
        nameSv: p.nameSv,
        kind: OrganisationKind.Project,
        activeFrom: '2025-01-01',
        activeUntil: '2027-12-31',
        ownerUnitId: byCode.get(p.owner)!,
      });
      byCode.set(p.code, saved.id);
    }
    for (const s of DEMO_STAFF) {
      for (const code of 'units' in s ? s.units : []) {
        await manager.insert(MembershipEntity, {
          organisationId: byCode.get(code)!,
          userId: ids.get(s.key)!,
          createdBy: null,
        });
      }
    }
  }

  private async experts(manager: EntityManager, passwordHash: string, coordinatorId: string): Promise<UserEntity[]> {
    const made: UserEntity[] = [];
    const now = this.clock.now();
    for (const [i, { key, name, language, ...profile }] of demoExperts().entries()) {
      const user = await manager.save(UserEntity, {
        email: `${key}@${DEMO_DOMAIN}`,
        name,
        role: Role.Expert,
        language: language as Language,
        status: UserStatus.Active,
        passwordHash,
      });
      made.push(user);
      // The rest of a demo expert is their profile, field for field.
      await manager.insert(ExpertEntity, {
        userId: user.id,
        status: ExpertStatus.Active,
        ...profile,
        topicsConsentAt: now,
        topicsConsentVersion: TOPICS_CONSENT_VERSION,
        activatedAt: now,
      });
      const file = await manager.save(StoredFileEntity, {
        ownerId: user.id,
        mediaType: MediaType.Pdf,
        sizeBytes: CERTIFICATE.length,
        sha256: createHash('sha256').update(CERTIFICATE).digest('hex'),
        originalName: 'koulutustodistus.pdf',
        bytes: CERTIFICATE,
      });
      await manager.insert(TrainingCredentialEntity, {
        expertId: user.id,
        type: i % 3 === 0 ? TrainingType.Kokemustoimija : TrainingType.Kokemusasiantuntija,
        provider: 'Vamia',
        completedOn: `202${i % 4}-05-${String(10 + (i % 18)).padStart(2, '0')}`,
        fileId: file.id,
        status: CredentialStatus.Verified,
        decidedBy: coordinatorId,
        decidedAt: now,
      });
      for (const weekday of i % 4 === 0 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5]) {
        await manager.insert(WeeklyWindowEntity, {
          expertId: user.id,
          weekday,
          startMinute: 8 * 60,
          endMinute: 17 * 60,
          validFrom: '2025-01-01',
          validUntil: null,
        });
      }
      const iban = composeIBAN({ countryCode: 'FI', bban: `4006${String(100000 + i * 7919).padStart(10, '0')}` })!;
      await manager.insert(PaymentDetailsEntity, {
        expertId: user.id,
        ibanEncrypted: this.cipher.encrypt(iban, cipherContext(user.id, 'iban')),
        ibanMasked: maskIban(iban),
        // A contract states the expert's date of birth. Invented people get no identity code (a valid one
        // could be a real person's), only the invented date of birth that a code would give.
        dateOfBirth: `19${58 + ((i * 7) % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 5) % 28)).padStart(2, '0')}`,
        taxPercent: i % 5 === 0 ? null : (10 + (i % 4) * 2.5).toFixed(2),
        taxCardYear: i % 5 === 0 ? null : DateTime.fromJSDate(now, { zone: COUNTY_ZONE }).year,
        payee: Payee.Expert,
        declinesFee: i === 7,
      });
    }
    return made;
  }

  private async openRequests(manager: EntityManager, ids: Map<string, string>): Promise<void> {
    const orgs = await manager.find(OrganisationEntity);
    const org = (code: string) => orgs.find((o) => o.code === code)!;
    const day = (offset: number, hour: number) =>
      DateTime.fromJSDate(this.clock.now(), { zone: COUNTY_ZONE })
        .startOf('week')
        .plus({ weeks: 2, days: offset, hours: hour })
        .toJSDate();
    const open = [
      {
        code: 'PSY-100',
        orderer: 'orderer.psy',
        taskType: 'working_group',
        title: 'Mielenterveyspalvelujen kehittämisryhmä',
        topics: ['mental_health'],
        languages: ['fi'],
        d: 1,
        h: 12,
        hours: 2,
        remote: false,
        municipality: '905',
        address: 'Hietalahdenkatu 2–4',
      },
      {
        code: 'KUN-200',
        orderer: 'orderer.kun',
        taskType: 'lecture',
        title: 'Föreläsning: att leva med långvarig sjukdom',
        topics: ['long_term_illness'],
        languages: ['sv'],
        d: 2,
        h: 13,
        hours: 1.5,
        remote: false,
        municipality: '545',
        address: 'Närpes hälsocentral',
      },
      {
        code: 'HANKE-02',
        orderer: 'orderer.ark',
        taskType: 'client_session',
        title: 'Vertaisryhmä nuorille / Kamratgrupp för unga',
        topics: ['child_welfare', 'mental_health'],
        languages: ['fi', 'sv'],
        d: 3,
        h: 14,
        hours: 2,
        remote: true,
        municipality: null,
        address: null,
      },
    ];
    for (const r of open) {
      const startsAt = day(r.d, r.h);
      await manager.insert(BookingRequestEntity, {
        organisationId: org(r.code).id,
        costCentre: r.code,
        createdBy: ids.get(r.orderer)!,
        status: RequestStatus.Submitted,
        taskType: r.taskType as BookingRequestEntity['taskType'],
        title: r.title,
        description: '',
        startsAt,
        endsAt: new Date(startsAt.getTime() + r.hours * 3600_000),
        remote: r.remote,
        municipality: r.municipality,
        address: r.address,
        languages: r.languages,
        topics: r.topics,
        expertsNeeded: 1,
        preparationMinutes: 60,
        submittedAt: this.clock.now(),
      });
    }
  }
}
