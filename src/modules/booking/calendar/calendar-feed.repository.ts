import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarFeedEntity } from '../entities/calendar-feed.entity';
import { CalendarEntry } from './ics-calendar.util';

@Injectable()
export class CalendarFeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // One feed per expert: the new hash takes the old one's place, and the old URL stops working at once.
  async replace(manager: EntityManager, expertId: string, tokenHash: Buffer, at: Date): Promise<void> {
    await manager.upsert(CalendarFeedEntity, { expertId, tokenHash, createdAt: at }, ['expertId']);
  }

  async findCreatedAt(expertId: string): Promise<Date | null> {
    return (
      (
        await this.dataSource
          .getRepository(CalendarFeedEntity)
          .findOne({ where: { expertId }, select: { expertId: true, createdAt: true } })
      )?.createdAt ?? null
    );
  }

  async remove(manager: EntityManager, expertId: string): Promise<boolean> {
    return ((await manager.delete(CalendarFeedEntity, { expertId })).affected ?? 0) > 0;
  }

  // Only an active account's feed answers: a disabled or anonymised expert's old URL shows nothing.
  findExpertByTokenHash(tokenHash: Buffer): Promise<string | null> {
    return this.dataSource
      .query(
        `SELECT f.expert_id AS "expertId" FROM calendar_feeds f JOIN users u ON u.id = f.expert_id
          WHERE f.token_hash = $1 AND u.status = 'active'`,
        [tokenHash],
      )
      .then((rows: { expertId: string }[]) => rows[0]?.expertId ?? null);
  }

  // What the feed may show and nothing more: no description, topics, orderer or other experts.
  findEntries(expertId: string, since: Date): Promise<CalendarEntry[]> {
    return this.dataSource.query(
      `SELECT a.id AS "assignmentId", a.status, r.title, a.starts_at AS "startsAt", a.ends_at AS "endsAt", r.remote, r.address,
              m.name_fi AS "municipalityFi", m.name_sv AS "municipalitySv", a.updated_at AS "updatedAt"
         FROM assignments a
         JOIN booking_requests r ON r.id = a.request_id
         LEFT JOIN municipalities m ON m.code = r.municipality
        WHERE a.expert_id = $1 AND a.status IN ('accepted', 'confirmed', 'completed') AND a.ends_at > $2
        ORDER BY a.starts_at, a.id`,
      [expertId, since],
    );
  }
}
