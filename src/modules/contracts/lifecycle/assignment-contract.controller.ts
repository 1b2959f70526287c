import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import { AssignmentContractService } from './assignment-contract.service';
import { ContractStatusResponse } from '../dto/contract.response';

@ApiTags('contracts')
@Controller('assignments')
export class AssignmentContractController {
  constructor(private readonly contracts: AssignmentContractService) {}

  @ApiOperation({ summary: 'Whether a contract covers an assignment, and its state' })
  @Get(':id/contract-status')
  @Authenticated({ roles: [Role.Orderer, Role.Expert, Role.Coordinator] })
  @ApiOkResponse({
    type: ContractStatusResponse,
    description: 'Whether a contract covers the assignment, and its state; never its content',
  })
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND: no such assignment, or not one of the caller’s')
  status(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<ContractStatusResponse> {
    return this.contracts.statusOfAssignment(ctx, id);
  }
}
