import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { ApiIdempotencyKey, idempotencyKey } from '../../../common/http/idempotency-key.util';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import { ApiFileDownload, ApiUploadForm, Download, SendsFile, UploadedForm, UploadForm } from '../../files';
import { ClaimCostsService } from './claim-costs.service';
import { ClaimReviewService } from './claim-review.service';
import { ClaimsService } from './claims.service';
import {
  AddCostDto,
  AddCostForm,
  CreateClaimDto,
  ListClaimsQuery,
  ReturnClaimDto,
  UpdateClaimDto,
} from '../dto/claim.dto';
import { ClaimPageResponse, ClaimResponse } from '../dto/claim.response';

const EXPERT = [Role.Expert];
const OWNER_OR_COORDINATOR = [Role.Expert, Role.Coordinator];
const COORDINATOR = [Role.Coordinator];

@ApiTags('claims')
@Controller('claims')
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly costs: ClaimCostsService,
    private readonly review: ClaimReviewService,
  ) {}

  @ApiOperation({ summary: 'Create a fee and expense claim for an assignment' })
  @Post()
  @Authenticated({ roles: EXPERT })
  @ApiCreatedResponse({
    type: ClaimResponse,
    description: 'A draft claim for your completed (or late-cancelled) assignment',
  })
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND: no such assignment of yours')
  @ApiProblem(409, 'ASSIGNMENT_NOT_CLAIMABLE, CLAIM_TIME_LIMIT_PASSED; CLAIM_ALREADY_EXISTS (claimId: that claim)')
  create(@CurrentUser() ctx: AuthContext, @Body() dto: CreateClaimDto): Promise<ClaimResponse> {
    return this.claims.create(ctx, dto);
  }

  @ApiOperation({ summary: 'Claims visible to me' })
  @Get()
  @Authenticated({ roles: OWNER_OR_COORDINATOR })
  @ApiOkResponse({ type: ClaimPageResponse, description: 'An expert gets their own claims; a coordinator all' })
  list(@CurrentUser() ctx: AuthContext, @Query() query: ListClaimsQuery): Promise<ClaimPageResponse> {
    return this.claims.list(ctx, query);
  }

  @ApiOperation({ summary: 'One claim' })
  @Get(':id')
  @Authenticated({ roles: OWNER_OR_COORDINATOR })
  @ApiOkResponse({ type: ClaimResponse })
  @ApiProblem(404, 'CLAIM_NOT_FOUND (or not yours)')
  get(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<ClaimResponse> {
    return this.claims.get(ctx, id);
  }

  @ApiOperation({ summary: 'Change a draft or returned claim' })
  @Patch(':id')
  @Authenticated({ roles: EXPERT })
  @ApiOkResponse({
    type: ClaimResponse,
    description:
      'Only a draft or a returned claim can be changed, and a late cancellation’s claim (filed for you) until it is decided',
  })
  @ApiProblem(409, 'CLAIM_STATUS_CONFLICT; CLAIM_CHANGED when `version` is not the claim’s version')
  @ApiProblem(404, 'CLAIM_NOT_FOUND (or not yours)')
  update(@CurrentUser() ctx: AuthContext, @IdParam() id: string, @Body() dto: UpdateClaimDto): Promise<ClaimResponse> {
    return this.claims.update(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Submit a claim for approval' })
  @Post(':id/submit')
  @Authenticated({ roles: EXPERT })
  @HttpCode(200)
  @ApiOkResponse({ type: ClaimResponse, description: 'Sent to the coordinator; within the time limit the first time' })
  @ApiProblem(409, 'CLAIM_STATUS_CONFLICT, CLAIM_TIME_LIMIT_PASSED')
  @ApiProblem(404, 'CLAIM_NOT_FOUND (or not yours)')
  submit(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<ClaimResponse> {
    return this.claims.submit(ctx, id);
  }

  @ApiOperation({ summary: 'Approve a claim (coordinator)' })
  @Post(':id/approve')
  @Authenticated({ roles: COORDINATOR })
  @HttpCode(200)
  @ApiOkResponse({ type: ClaimResponse, description: 'Approved: the next fee run pays it' })
  @ApiProblem(409, 'CLAIM_STATUS_CONFLICT, FEE_RATE_NOT_FOUND, TRAVEL_RATE_NOT_FOUND, CLAIM_SECOND_APPROVER_REQUIRED')
  @ApiProblem(404, 'CLAIM_NOT_FOUND (or not yours)')
  approve(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<ClaimResponse> {
    return this.review.approve(ctx, id);
  }

  @ApiOperation({ summary: 'Return a claim to the expert for changes' })
  @Post(':id/return')
  @Authenticated({ roles: COORDINATOR })
  @HttpCode(200)
  @ApiOkResponse({
    type: ClaimResponse,
    description: 'Returned with the reason; the expert is told by mail in their language',
  })
  @ApiProblem(409, 'CLAIM_STATUS_CONFLICT')
  @ApiProblem(404, 'CLAIM_NOT_FOUND (or not yours)')
  return(@CurrentUser() ctx: AuthContext, @IdParam() id: string, @Body() dto: ReturnClaimDto): Promise<ClaimResponse> {
    return this.review.return(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Add a cost with its receipt to a claim' })
  @Post(':id/costs')
  @Authenticated({ roles: EXPERT })
  @ApiIdempotencyKey('the form adds nothing more to the claim: the cost it added the first time stands')
  @ApiCreatedResponse({
    type: ClaimResponse,
    description:
      'The cost with its receipt, added to a draft or returned claim; with an Idempotency-Key used before on this claim, the claim as it is',
  })
  @ApiUploadForm(AddCostForm, 'the receipt')
  @ApiProblem(409, 'CLAIM_STATUS_CONFLICT, CLAIM_TOO_MANY_COSTS')
  @ApiProblem(404, 'CLAIM_NOT_FOUND (or not yours)')
  addCost(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @UploadForm(AddCostDto, 'receipt') form: UploadedForm<AddCostDto>,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<ClaimResponse> {
    return this.costs.add(ctx, id, form, idempotencyKey(key));
  }

  @ApiOperation({ summary: 'Remove a cost from a claim' })
  @Delete(':id/costs/:costId')
  @Authenticated({ roles: EXPERT })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The cost and its receipt are gone' })
  @ApiProblem(404, 'CLAIM_NOT_FOUND or CLAIM_COST_NOT_FOUND (or not yours)')
  @ApiProblem(409, 'CLAIM_STATUS_CONFLICT: only a draft or returned claim changes')
  removeCost(@CurrentUser() ctx: AuthContext, @IdParam() id: string, @IdParam('costId') costId: string): Promise<void> {
    return this.costs.remove(ctx, id, costId);
  }

  @ApiOperation({ summary: "A cost's receipt file" })
  @Get(':id/costs/:costId/receipt')
  @Authenticated({ roles: OWNER_OR_COORDINATOR })
  @ApiFileDownload('The receipt, as an attachment, in the type detected at upload')
  @ApiProblem(404, 'CLAIM_NOT_FOUND or CLAIM_COST_NOT_FOUND (or not yours)')
  @SendsFile()
  receipt(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @IdParam('costId') costId: string,
  ): Promise<Download> {
    return this.costs.receipt(ctx, id, costId);
  }
}
