import { Module } from '@nestjs/common';
import { ClaimsRepository } from './claims/claims.repository';
import { LateCancellationClaims } from './claims/late-cancellation-claims.service';
import { RatesRepository } from './rates/rates.repository';

// What booking and contracts need of fees, without the fees feature's controllers and workers: the one read of
// the rates table every price comes from, and the claim a late cancellation files for the expert.
@Module({
  providers: [RatesRepository, ClaimsRepository, LateCancellationClaims],
  exports: [RatesRepository, ClaimsRepository, LateCancellationClaims],
})
export class FeePricingModule {}
