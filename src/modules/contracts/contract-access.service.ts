import { Injectable } from '@nestjs/common';
import { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { AuditService } from '../audit/audit.service';
import { ContractsRepository } from './contracts.repository';
import { ContractErrors } from './contracts.errors';
import { ContractEntity } from './entities/contract.entity';

// Object-level access, checked first by every service: the coordinator (and the admin) see every contract, an
// expert only their own; anything else is "not found", and the attempt goes to the audit log.
@Injectable()
export class ContractAccess {
  constructor(
    private readonly contracts: ContractsRepository,
    private readonly audit: AuditService,
  ) {}

  static isStaff(ctx: AuthContext): boolean {
    return ctx.user.role === Role.Coordinator;
  }

  async visible(ctx: AuthContext, id: string): Promise<ContractEntity> {
    const contract = await this.contracts.findContract(id);
    if (!contract) throw ContractErrors.notFound();
    const allowed = ContractAccess.isStaff(ctx) || (ctx.user.role === Role.Expert && contract.expertId === ctx.user.id);
    if (!allowed) {
      await this.audit.record({ actorId: ctx.user.id, action: 'authz.denied', entityType: 'contract', entityId: id, meta: ctx });
      throw ContractErrors.notFound();
    }
    return contract;
  }
}
