import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TimelineEventKind } from './timeline.response';

export interface TimelineRow {
  at: Date;
  kind: TimelineEventKind;
  assignmentId: string | null;
  count: number;
}

@Injectable()
export class TimelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Every dated step of an order, from the rows that record it (the order, its offers, assignments, their
  // contracts, changes of time and claims). Offers sent in one go are one event; no expert is named before
  // acceptance.
  events(requestId: string): Promise<TimelineRow[]> {
    return this.dataSource.query(
      `WITH a AS (SELECT * FROM assignments WHERE request_id = $1)
       SELECT at, kind, assignment_id AS "assignmentId", count::int AS count FROM (
         SELECT created_at AS at, 'created' AS kind, NULL::uuid AS assignment_id, 1 AS count FROM booking_requests WHERE id = $1
         UNION ALL SELECT submitted_at, 'submitted', NULL, 1 FROM booking_requests WHERE id = $1 AND submitted_at IS NOT NULL
         UNION ALL SELECT cancelled_at, 'cancelled', NULL, 1 FROM booking_requests WHERE id = $1 AND cancelled_at IS NOT NULL
         UNION ALL SELECT min(offered_at), 'offers_sent', NULL, count(*) FROM offers WHERE request_id = $1 GROUP BY date_trunc('minute', offered_at)
         UNION ALL SELECT answered_at, 'offer_declined', NULL, 1 FROM offers WHERE request_id = $1 AND status = 'declined'
         UNION ALL SELECT deadline, 'offer_expired', NULL, 1 FROM offers WHERE request_id = $1 AND status = 'expired'
         UNION ALL SELECT created_at, 'booked', id, 1 FROM a
         UNION ALL SELECT completed_at, CASE WHEN status = 'completed' THEN 'completed' ELSE 'not_held' END, id, 1 FROM a WHERE completed_at IS NOT NULL
         UNION ALL SELECT cancelled_at, 'assignment_cancelled', id, 1 FROM a WHERE cancelled_at IS NOT NULL
         UNION ALL SELECT proposed_at, 'time_change_proposed', assignment_id, 1 FROM assignment_time_changes WHERE assignment_id IN (SELECT id FROM a)
         UNION ALL SELECT answered_at, 'time_change_' || status, assignment_id, 1 FROM assignment_time_changes
                    WHERE assignment_id IN (SELECT id FROM a) AND status IN ('accepted', 'declined')
         UNION ALL SELECT c.approved_at, 'contract_approved', ca.assignment_id, 1 FROM contract_assignments ca JOIN contracts c ON c.id = ca.contract_id
                    WHERE ca.assignment_id IN (SELECT id FROM a) AND c.approved_at IS NOT NULL
         UNION ALL SELECT c.signed_at, 'contract_signed', ca.assignment_id, 1 FROM contract_assignments ca JOIN contracts c ON c.id = ca.contract_id
                    WHERE ca.assignment_id IN (SELECT id FROM a) AND c.signed_at IS NOT NULL
         UNION ALL SELECT decided_at, 'claim_approved', assignment_id, 1 FROM claims WHERE assignment_id IN (SELECT id FROM a) AND status IN ('approved', 'paid') AND decided_at IS NOT NULL
         UNION ALL SELECT paid_at, 'claim_paid', assignment_id, 1 FROM claims WHERE assignment_id IN (SELECT id FROM a) AND paid_at IS NOT NULL
       ) e ORDER BY at, kind`,
      [requestId],
    );
  }
}
