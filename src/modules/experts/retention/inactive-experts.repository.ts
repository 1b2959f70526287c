import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Language } from '../../../common/i18n/language';

export interface InactiveExpert {
  expertId: string;
  lastActiveAt: Date;
  noticeAt: Date | null;
  email: string;
  name: string;
  language: Language;
}

// "Inactive": not anonymised (retired experts included), no activity since $1, and nothing open.
// Activity: the account's creation, a login, the coordinator's activation, an offer made or answered, an
// assignment's end or cancellation, a claim submitted, decided or paid (a paid claim is a fee-run line paid).
// Open: an offer awaiting an answer, an assignment accepted or confirmed (upcoming or not yet completed), a claim
// not paid (draft, submitted, returned or approved), a line in a run not yet exported, or a contract awaiting approval
// or signature (its ending names who ended it: the coordinator settles it).
const INACTIVE = `
  WITH activity AS (
    SELECT e.user_id, e.inactivity_notice_at, u.email, u.name, u.language,
           GREATEST(u.created_at, u.last_login_at, e.activated_at,
             (SELECT max(GREATEST(o.offered_at, o.answered_at)) FROM offers o WHERE o.expert_id = e.user_id),
             (SELECT max(GREATEST(a.ends_at, a.cancelled_at, a.completed_at)) FROM assignments a WHERE a.expert_id = e.user_id),
             (SELECT max(GREATEST(c.submitted_at, c.decided_at, c.paid_at)) FROM claims c WHERE c.expert_id = e.user_id)
           ) AS last_active_at
      FROM experts e JOIN users u ON u.id = e.user_id
     WHERE e.status <> 'anonymised' AND e.user_id > $2 AND ($3::uuid IS NULL OR e.user_id = $3)
  )
  SELECT x.user_id AS "expertId", x.last_active_at AS "lastActiveAt", x.inactivity_notice_at AS "noticeAt",
         x.email, x.name, x.language
    FROM activity x
   WHERE x.last_active_at < $1
     AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.expert_id = x.user_id AND o.status = 'offered')
     AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.expert_id = x.user_id AND a.status IN ('accepted', 'confirmed'))
     AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.expert_id = x.user_id AND c.status <> 'paid')
     AND NOT EXISTS (SELECT 1 FROM contracts k WHERE k.expert_id = x.user_id AND k.status IN ('draft', 'approved'))
     AND NOT EXISTS (SELECT 1 FROM fee_run_lines l JOIN fee_runs r ON r.id = l.run_id WHERE l.expert_id = x.user_id AND r.status <> 'exported')
   ORDER BY x.user_id
   LIMIT $4`;

const BEFORE_ALL_IDS = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class InactiveExpertsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // A page of inactive experts, in id order after `after`.
  page(lastActiveBefore: Date, after: string | null, limit: number): Promise<InactiveExpert[]> {
    return this.dataSource.query(INACTIVE, [lastActiveBefore, after ?? BEFORE_ALL_IDS, null, limit]);
  }

  // The same question about one expert, asked again under the lock on their row.
  async one(manager: EntityManager, expertId: string, lastActiveBefore: Date): Promise<InactiveExpert | null> {
    const rows: InactiveExpert[] = await manager.query(INACTIVE, [lastActiveBefore, BEFORE_ALL_IDS, expertId, 1]);
    return rows[0] ?? null;
  }

  async markNoticed(manager: EntityManager, expertId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE experts SET inactivity_notice_at = $2 WHERE user_id = $1`, [expertId, at]);
  }

  // Statements rendered for experts anonymised before their run was exported.
  async deleteStatementsOfAnonymised(manager: EntityManager): Promise<number> {
    const [{ deleted }] = await manager.query(
      `WITH gone AS (
         DELETE FROM fee_run_files f USING experts e
          WHERE f.kind = 'statement' AND e.user_id = f.expert_id AND e.status = 'anonymised'
         RETURNING 1)
       SELECT count(*)::int AS deleted FROM gone`,
    );
    return deleted as number;
  }
}
