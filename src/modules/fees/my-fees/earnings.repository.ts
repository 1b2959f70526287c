import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Period } from '../money/earnings.rule';

export interface EarningsRow {
  expertId: string;
  name: string;
  ceilingCents: number | null;
  paidFeesCents: number;
}

const num = (v: unknown) => Number(v ?? 0);

// The expert's own earnings (my-fees) and the coordinator's earnings report read the same query.
@Injectable()
export class EarningsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Fees paid to experts themselves in the year, by the day of payment (the export): what counts against
  // a pension's or benefit's yearly limit. Fees paid to an association are the association's income.
  async earnings(period: Period, expertId: string | null): Promise<EarningsRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT e.user_id AS expert_id, u.name, e.yearly_earnings_ceiling_cents AS ceiling, COALESCE(p.paid, 0) AS paid
         FROM experts e
         JOIN users u ON u.id = e.user_id
         LEFT JOIN (SELECT l.expert_id, sum(l.gross_fee_cents) AS paid
                      FROM fee_run_lines l JOIN fee_runs r ON r.id = l.run_id
                     WHERE r.status = 'exported' AND r.exported_at >= $1 AND r.exported_at < $2 AND l.payee_kind = 'expert'
                     GROUP BY l.expert_id) p ON p.expert_id = e.user_id
        WHERE ($3::uuid IS NULL AND (p.paid > 0 OR e.yearly_earnings_ceiling_cents IS NOT NULL)) OR e.user_id = $3
        ORDER BY e.yearly_earnings_ceiling_cents IS NULL, COALESCE(p.paid, 0)::float8 / NULLIF(e.yearly_earnings_ceiling_cents, 0) DESC NULLS LAST,
                 u.name, e.user_id`,
      [period.from, period.until, expertId],
    );
    return rows.map((r) => ({
      expertId: r.expert_id as string,
      name: r.name as string,
      ceilingCents: r.ceiling === null ? null : num(r.ceiling),
      paidFeesCents: num(r.paid),
    }));
  }
}
