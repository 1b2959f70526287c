import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock.service';
import { helsinkiYear } from '../money/earnings.rule';
import { paysFee } from '../money/fee-arithmetic.rule';
import { payeeTerms } from '../money/claim-pricing.rule';
import { ClaimsRepository } from './claims.repository';

// Whether each expert's fee would be paid at all, as a fee run run now would decide it: the fee run's own payee rule
// (payeeTerms, then paysFee) on the expert's current payment details. No secret column is read.
@Injectable()
export class FeePayees {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly clock: Clock,
  ) {}

  async paysFee(expertIds: string[]): Promise<Map<string, boolean>> {
    const details = await this.claims.findPaymentDetailsOf([...new Set(expertIds)]);
    const byExpert = new Map(details.map((d) => [d.expertId, d]));
    const taxYear = helsinkiYear(this.clock.now());
    return new Map(expertIds.map((id) => [id, paysFee(payeeTerms(byExpert.get(id) ?? null, taxYear).payee)]));
  }
}
