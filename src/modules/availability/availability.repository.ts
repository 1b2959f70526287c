import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial, EntityManager, EntityTarget, FindOptionsWhere, IsNull } from 'typeorm';
import { AVAILABILITY_KINDS, AvailabilityDraft, AvailabilityKind, AvailabilityRow } from './availability-kinds';
import { AvailabilityFacts } from './availability.rule';
import { availabilityTerms, availableExpertsSql } from './availability-sql.util';
import { ExpertAvailability, readExpertAvailability } from '../experts';

// Half-open [start, end).
export interface InstantRange {
  start: Date;
  end: Date;
}

export interface AvailableExpert {
  id: string;
  name: string;
}

@Injectable()
export class AvailabilityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findForExpert(expertId: string): Promise<ExpertAvailability> {
    return readExpertAvailability(this.dataSource, expertId);
  }

  add<K extends AvailabilityKind>(
    manager: EntityManager,
    kind: K,
    row: AvailabilityDraft<K>,
  ): Promise<AvailabilityRow<K>> {
    // TypeScript cannot follow the kind through the generic lookup; the table ties entity and row together.
    const entity: EntityTarget<AvailabilityRow<K>> = AVAILABILITY_KINDS[kind].entity;
    return manager.getRepository(entity).save(row as DeepPartial<AvailabilityRow<K>>) as Promise<AvailabilityRow<K>>;
  }

  async removeOwn(manager: EntityManager, kind: AvailabilityKind, expertId: string, id: string): Promise<boolean> {
    const result = await manager.delete(AVAILABILITY_KINDS[kind].entity, { id, expertId });
    return Boolean(result.affected);
  }

  // Whose row it is: what requireAccess decides by.
  findOwner(kind: AvailabilityKind, id: string): Promise<{ expertId: string } | null> {
    return this.dataSource
      .getRepository<{ id: string; expertId: string }>(AVAILABILITY_KINDS[kind].entity)
      .findOne({ where: { id }, select: { expertId: true } });
  }

  // The expert's row that is `row` to the minute and the day (an open validity matching an open one), if any.
  findSame<K extends AvailabilityKind>(kind: K, row: AvailabilityDraft<K>): Promise<AvailabilityRow<K> | null> {
    const entity: EntityTarget<AvailabilityRow<K>> = AVAILABILITY_KINDS[kind].entity;
    const where = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value ?? IsNull()]));
    return this.dataSource
      .getRepository(entity)
      .findOne({ where: where as FindOptionsWhere<AvailabilityRow<K>> }) as Promise<AvailabilityRow<K> | null>;
  }

  // The same conditions as the exclusion constraints; used only to name the row that refused a change.
  async findOverlappingWeekly(w: AvailabilityDraft<'weekly'>): Promise<string | null> {
    return this.firstId(
      `SELECT id FROM availability_weekly_windows WHERE expert_id = $1 AND weekday = $2
         AND daterange(valid_from, valid_until, '[]') && daterange($3::date, $4::date, '[]')
         AND int4range(start_minute, end_minute) && int4range($5, $6) LIMIT 1`,
      [w.expertId, w.weekday, w.validFrom, w.validUntil, w.startMinute, w.endMinute],
    );
  }

  async findOverlappingOneOff(o: AvailabilityDraft<'oneOff'>): Promise<string | null> {
    return this.firstId(
      `SELECT id FROM availability_one_off_windows WHERE expert_id = $1 AND day = $2
         AND int4range(start_minute, end_minute) && int4range($3, $4) LIMIT 1`,
      [o.expertId, o.day, o.startMinute, o.endMinute],
    );
  }

  async findOverlappingAbsence(a: AvailabilityDraft<'absence'>): Promise<string | null> {
    return this.firstId(
      `SELECT id FROM availability_absences WHERE expert_id = $1
         AND daterange(first_day, last_day, '[]') && daterange($2::date, $3::date, '[]') LIMIT 1`,
      [a.expertId, a.firstDay, a.lastDay],
    );
  }

  // Null when there is no such expert.
  async findFacts(expertId: string, range: InstantRange): Promise<AvailabilityFacts | null> {
    const t = availabilityTerms('$1', '$2');
    const rows: { active: boolean; crosses_midnight: boolean; absent: boolean; covered: boolean }[] =
      await this.dataSource.query(
        `SELECT ${t.active} AS active, ${t.crossesMidnight} AS crosses_midnight, ${t.absent} AS absent, ${t.covered} AS covered
         FROM experts e WHERE e.user_id = $3`,
        [range.start, range.end, expertId],
      );
    const row = rows[0];
    return row
      ? { active: row.active, crossesMidnight: row.crosses_midnight, absent: row.absent, covered: row.covered }
      : null;
  }

  // One set-based query, whatever the number of experts.
  findAvailableExperts(range: InstantRange): Promise<AvailableExpert[]> {
    return this.dataSource.query(
      `SELECT e.user_id AS id, u.name FROM experts e JOIN users u ON u.id = e.user_id
        WHERE ${availableExpertsSql('$1', '$2')} ORDER BY u.name, e.user_id`,
      [range.start, range.end],
    );
  }

  async findAvailableExpertIds(
    range: InstantRange,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT e.user_id AS id FROM experts e WHERE ${availableExpertsSql('$1', '$2')} ORDER BY e.user_id`,
      [range.start, range.end],
    );
    return rows.map((r) => r.id);
  }

  private async firstId(sql: string, params: unknown[]): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(sql, params);
    return rows[0]?.id ?? null;
  }
}
