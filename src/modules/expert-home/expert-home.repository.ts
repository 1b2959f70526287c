import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AssignmentStatus } from '../booking/entities/assignment.entity';

interface OfferRow {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  deadline: Date;
}
interface AssignmentRow {
  id: string;
  title: string;
  status: AssignmentStatus;
  startsAt: Date;
  endsAt: Date;
}
interface TimeChangeRow {
  assignmentId: string;
  title: string;
  fromStartsAt: Date;
  fromEndsAt: Date;
  startsAt: Date;
  endsAt: Date;
  proposedAt: Date;
}
interface ContractRow {
  id: string;
  number: string;
  titles: string[];
}

export const HOME_OFFERS = 20;
export const HOME_ASSIGNMENTS = 3;
export const HOME_CONTRACTS = 20;
export const HOME_TIME_CHANGES = 20;

// One expert's waiting work, each a narrow read of its own rows only (expert_id = $1 in every query).
@Injectable()
export class ExpertHomeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  openOffers(expertId: string, now: Date): Promise<OfferRow[]> {
    return this.dataSource.query(
      `SELECT o.id, r.title, r.starts_at AS "startsAt", r.ends_at AS "endsAt", o.deadline
         FROM offers o JOIN booking_requests r ON r.id = o.request_id
        WHERE o.expert_id = $1 AND o.status = 'offered' AND o.deadline > $2
        ORDER BY o.deadline, o.id LIMIT ${HOME_OFFERS}`,
      [expertId, now],
    );
  }

  async upcomingAssignments(expertId: string, now: Date): Promise<{ next: AssignmentRow[]; count: number }> {
    const rows: (AssignmentRow & { total: number })[] = await this.dataSource.query(
      `SELECT a.id, r.title, a.status, a.starts_at AS "startsAt", a.ends_at AS "endsAt", count(*) OVER ()::int AS total
         FROM assignments a JOIN booking_requests r ON r.id = a.request_id
        WHERE a.expert_id = $1 AND a.status IN ('accepted', 'confirmed') AND a.ends_at > $2
        ORDER BY a.starts_at, a.id LIMIT ${HOME_ASSIGNMENTS}`,
      [expertId, now],
    );
    return { next: rows.map(({ total: _total, ...row }) => row), count: rows[0]?.total ?? 0 };
  }

  // Proposals to move the expert's booked work, waiting for their answer: not those left until the work began or the
  // proposed start passed, which can no longer be answered (hasLapsed in booking's time-change rule).
  openTimeChanges(expertId: string, now: Date): Promise<TimeChangeRow[]> {
    return this.dataSource.query(
      `SELECT t.assignment_id AS "assignmentId", r.title, t.from_starts_at AS "fromStartsAt",
              t.from_ends_at AS "fromEndsAt", t.starts_at AS "startsAt", t.ends_at AS "endsAt", t.proposed_at AS "proposedAt"
         FROM assignment_time_changes t
         JOIN assignments a ON a.id = t.assignment_id
         JOIN booking_requests r ON r.id = a.request_id
        WHERE a.expert_id = $1 AND t.status = 'open' AND a.status IN ('accepted', 'confirmed')
          AND a.starts_at > $2 AND t.starts_at > $2
        ORDER BY t.proposed_at, t.id LIMIT ${HOME_TIME_CHANGES}`,
      [expertId, now],
    );
  }

  contractsToSign(expertId: string): Promise<ContractRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.number,
              ARRAY(SELECT r.title FROM contract_assignments ca
                      JOIN assignments a ON a.id = ca.assignment_id
                      JOIN booking_requests r ON r.id = a.request_id
                     WHERE ca.contract_id = c.id ORDER BY a.starts_at) AS titles
         FROM contracts c
        WHERE c.expert_id = $1 AND c.status = 'approved' AND c.pdf_sha256 IS NOT NULL
        ORDER BY c.created_at, c.id LIMIT ${HOME_CONTRACTS}`,
      [expertId],
    );
  }

  async returnedClaims(expertId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM claims WHERE expert_id = $1 AND status = 'returned'`,
      [expertId],
    )) as { n: number }[];
    return row.n;
  }
}
