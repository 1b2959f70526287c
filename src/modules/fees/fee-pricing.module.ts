import { Module } from '@nestjs/common';
import { ClaimsRepository } from './claims/claims.repository';
import { FeePayees } from './claims/fee-payees.service';
import { EarningsRepository } from './my-fees/earnings.repository';
import { LateCancellationClaims } from './claims/late-cancellation-claims.service';
import { RatesRepository } from './rates/rates.repository';

// What other features need of fees, without the fees feature's controllers and workers: the one read of the rates
// table every price comes from, the claim a late cancellation files for the expert, and what experts were paid
// (their own earnings and the coordinator's report), and whether an expert's fee is paid at all (the quote).
@Module({
  providers: [RatesRepository, ClaimsRepository, LateCancellationClaims, EarningsRepository, FeePayees],
  exports: [RatesRepository, ClaimsRepository, LateCancellationClaims, EarningsRepository, FeePayees],
})
export class FeePricingModule {}
