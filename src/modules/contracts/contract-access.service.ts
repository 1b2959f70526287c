import { Injectable } from '@nestjs/common';
import { AccessRequest } from '../../common/auth/access';
import { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { ContractsRepository } from './contracts.repository';
import { ContractErrors } from './contracts.errors';
import { ContractEntity } from './entities/contract.entity';

// Object-level access, checked first by every service through requireAccess: the coordinator sees every contract,
// an expert only their own; anything else is "not found", and the attempt goes to the audit log.
@Injectable()
export class ContractAccess {
  constructor(private readonly contracts: ContractsRepository) {}

  static isStaff(ctx: AuthContext): boolean {
    return ctx.user.role === Role.Coordinator;
  }

  contract(ctx: AuthContext, id: string): AccessRequest<ContractEntity> {
    return {
      entityType: 'contract',
      id,
      find: () => this.contracts.findContract(id),
      allows: (contract) =>
        ContractAccess.isStaff(ctx) || (ctx.user.role === Role.Expert && contract.expertId === ctx.user.id),
      notFound: ContractErrors.notFound,
    };
  }
}
