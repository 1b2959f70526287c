import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { AccessRequest } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { Role } from '../../../common/auth/role.enum';
import { Clock } from '../../../common/clock/clock.service';
import { COUNTY_ZONE } from '../../../common/i18n/format';
import { ClaimToPrice, costSums, payeeTerms, priceClaim } from '../money/claim-pricing.rule';
import { ClaimsRepository, LoadedClaim } from './claims.repository';
import { ClaimResponse, toClaimResponse } from '../dto/claim.response';
import { ClaimLine } from '../money/fee-arithmetic.rule';
import { FeeErrors } from '../fees.errors';
import { RatesRepository } from '../rates/rates.repository';

// Who may see a claim, and the claim as its owner or a coordinator sees it (with what it comes to today).
@Injectable()
export class ClaimAccess {
  constructor(
    private readonly repo: ClaimsRepository,
    private readonly rates: RatesRepository,
    private readonly clock: Clock,
  ) {}

  // The expert sees only their own claims, a coordinator all. Another's claim answers as if it did not
  // exist, and the attempt is in the audit log (requireAccess).
  claim(
    ctx: AuthContext,
    id: string,
    rule: 'own' | 'ownOrCoordinator' = 'ownOrCoordinator',
  ): AccessRequest<LoadedClaim> {
    return {
      entityType: 'claim',
      id,
      find: () => this.repo.find(id),
      allows: (claim) =>
        claim.expertId === ctx.user.id || (rule === 'ownOrCoordinator' && ctx.user.role === Role.Coordinator),
      notFound: FeeErrors.claimNotFound,
    };
  }

  async respond(claim: LoadedClaim): Promise<ClaimResponse> {
    const [amounts, settings] = await Promise.all([this.estimate(claim).catch(() => null), this.rates.settings()]);
    return toClaimResponse(claim, amounts, settings.claimFourEyesAboveCents);
  }

  // A page of claims with three queries for all their estimates, not three per claim.
  async respondMany(claims: LoadedClaim[]): Promise<ClaimResponse[]> {
    const [rates, details, settings] = await Promise.all([
      this.rates.currentRates(),
      this.repo.findPaymentDetailsOf([...new Set(claims.map((c) => c.expertId))]),
      this.rates.settings(),
    ]);
    const byExpert = new Map(details.map((d) => [d.expertId, d]));
    const taxYear = DateTime.fromJSDate(this.clock.now(), { zone: COUNTY_ZONE }).year;
    return claims.map((claim) => {
      let amounts: ClaimLine | null = null;
      try {
        amounts = priceClaim(
          this.toPrice(claim),
          payeeTerms(byExpert.get(claim.expertId) ?? null, taxYear),
          rates.fees,
          rates.travel,
        );
      } catch {
        // Not priceable with today's rates: shown without amounts, as for a single claim.
      }
      return toClaimResponse(claim, amounts, settings.claimFourEyesAboveCents);
    });
  }

  async reload(id: string): Promise<ClaimResponse> {
    return this.respond((await this.repo.find(id))!);
  }

  // What the claim comes to with the rates in force and the payee's current details. Throws the
  // arithmetic's error when it cannot be priced (no rate for the day, say).
  // With a manager, read in its transaction (one connection: the embedded database has no other while it is open).
  async estimate(claim: LoadedClaim, manager?: EntityManager): Promise<ClaimLine> {
    const [rates, details] = manager
      ? [await this.rates.currentRates(manager), await this.repo.findPaymentDetailsIn(manager, claim.expertId)]
      : await Promise.all([this.rates.currentRates(), this.repo.findPaymentDetails(claim.expertId)]);
    const taxYear = DateTime.fromJSDate(this.clock.now(), { zone: COUNTY_ZONE }).year;
    return priceClaim(this.toPrice(claim), payeeTerms(details, taxYear), rates.fees, rates.travel);
  }

  private toPrice(claim: LoadedClaim): ClaimToPrice {
    return {
      taskType: claim.assignment.request.taskType,
      workDate: claim.workDate,
      workedMinutes: claim.workedMinutes,
      preparationMinutes: claim.preparationMinutes,
      lateCancellation: claim.lateCancellation,
      trips: claim.trips,
      ...costSums(claim.costs),
    };
  }
}
