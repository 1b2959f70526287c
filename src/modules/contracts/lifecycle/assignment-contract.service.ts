import { Injectable } from '@nestjs/common';
import { requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { localDate } from '../../../common/i18n/format';
import { AuditService } from '../../audit';
// Who may see an assignment is one rule (PRODUCT §1), booking's (an exception to the feature order, listed in
// .dependency-cruiser.cjs). Only this service uses it: booking's index also offers booking's services, which draft
// and end contracts through contracts' index, so nothing that index offers may lead back here (no-cycles).
import { assignmentAccess } from '../../booking';
import { OrganisationsRepository } from '../../organisations';
import { ContractsRepository } from '../contracts.repository';
import { ContractStatusResponse, toContractStatusResponse } from '../dto/contract.response';

// The orderer's view of an assignment's contract: that one covers it, and its state; never its content.
@Injectable()
export class AssignmentContractService {
  constructor(
    private readonly contracts: ContractsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async statusOfAssignment(ctx: AuthContext, assignmentId: string): Promise<ContractStatusResponse> {
    await requireAccess(
      this.audit,
      ctx,
      assignmentAccess(ctx, assignmentId, () => this.contracts.findAssignment(assignmentId), this.organisations),
    );
    // Today in Helsinki, as ContractsService reads a contract's state.
    return toContractStatusResponse(await this.contracts.currentContractOf(assignmentId), localDate(this.clock.now()));
  }
}
