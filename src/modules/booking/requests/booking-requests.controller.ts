import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import { WidePageQueryDto } from '../../../common/http/pagination.dto';
import { AssignmentsService } from '../assignments/assignments.service';
import { BookingRequestsService } from './booking-requests.service';
import { ApiIdempotencyKey, idempotencyKey } from '../../../common/http/idempotency-key.util';
import { CancelDto, DirectAssignDto, SendOffersDto } from '../dto/booking-actions.dto';
import { BookedAssignmentResponse, OfferResponse, RequestPageResponse, RequestResponse } from '../dto/booking.response';
import { CandidatePageResponse, MatchFunnelResponse } from '../dto/candidate.response';
import { CreateRequestDto } from '../dto/create-request.dto';
import { ListRequestsQuery } from '../dto/list-requests.query';
import { MatchingService } from '../matching/matching.service';
import { OffersService } from '../offers/offers.service';

// Orders name experts and their topics once accepted: the coordinator's, not the admin's (PRODUCT §1).
const STAFF = [Role.Coordinator];

@ApiTags('booking')
@Controller('booking-requests')
export class BookingRequestsController {
  constructor(
    private readonly requests: BookingRequestsService,
    private readonly matching: MatchingService,
    private readonly offers: OffersService,
    private readonly assignments: AssignmentsService,
  ) {}

  @ApiOperation({ summary: 'Create an order (draft)' })
  @Post()
  @Authenticated({ roles: [Role.Orderer] })
  @ApiIdempotencyKey('the form changes the draft it made the first time instead of making a second one')
  @ApiCreatedResponse({
    type: RequestResponse,
    description:
      'A draft, for one of your own units or projects; with an Idempotency-Key used before, the draft made with it, changed to this body',
  })
  @ApiProblem(403, 'NOT_OWN_ORGANISATION: not a unit or project of yours')
  @ApiProblem(400, 'ORGANISATION_INACTIVE (field organisationId), or VALIDATION_FAILED (a field, or Idempotency-Key)')
  @ApiProblem(409, 'REQUEST_STATUS_CONFLICT: the order made with this Idempotency-Key is no longer a draft')
  create(
    @CurrentUser() ctx: AuthContext,
    @Body() dto: CreateRequestDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<RequestResponse> {
    return this.requests.create(ctx, dto, idempotencyKey(key));
  }

  @ApiOperation({ summary: 'Orders visible to me' })
  @Get()
  @Authenticated({ roles: [Role.Orderer, ...STAFF] })
  @ApiOkResponse({
    type: RequestPageResponse,
    description: 'An orderer gets only their own units’ and projects’ requests',
  })
  list(@CurrentUser() ctx: AuthContext, @Query() query: ListRequestsQuery): Promise<RequestPageResponse> {
    return this.requests.list(ctx, query);
  }

  @ApiOperation({ summary: 'One order' })
  @Get(':id')
  @Authenticated({ roles: [Role.Orderer, ...STAFF] })
  @ApiOkResponse({ type: RequestResponse })
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or not yours)')
  get(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<RequestResponse> {
    return this.requests.get(ctx, id);
  }

  @ApiOperation({ summary: 'Change a draft order' })
  @Put(':id')
  @Authenticated({ roles: [Role.Orderer] })
  @ApiOkResponse({ type: RequestResponse, description: 'Only a draft can be edited' })
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or not yours)')
  @ApiProblem(400, 'ORGANISATION_INACTIVE (field organisationId), or VALIDATION_FAILED')
  @ApiProblem(409, 'REQUEST_STATUS_CONFLICT: only a draft can be changed')
  update(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: CreateRequestDto,
  ): Promise<RequestResponse> {
    return this.requests.update(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Submit a draft order to the coordinator' })
  @Post(':id/submit')
  @Authenticated({ roles: [Role.Orderer] })
  @HttpCode(200)
  @ApiOkResponse({ type: RequestResponse })
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or not yours)')
  @ApiProblem(409, 'REQUEST_STATUS_CONFLICT: only a draft can be sent')
  submit(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<RequestResponse> {
    return this.requests.submit(ctx, id);
  }

  @ApiOperation({ summary: 'Cancel an order' })
  @Post(':id/cancel')
  @Authenticated({ roles: [Role.Orderer, ...STAFF] })
  @HttpCode(200)
  @ApiOkResponse({
    type: RequestResponse,
    description: 'Cancels its assignments; the late-cancellation rule decides each fee',
  })
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or not yours)')
  @ApiProblem(
    409,
    'REQUEST_STATUS_CONFLICT, or WORK_ENDED: booked work of the order has ended, and is confirmed or marked a no-show instead',
  )
  cancel(@CurrentUser() ctx: AuthContext, @IdParam() id: string, @Body() dto: CancelDto): Promise<RequestResponse> {
    return this.requests.cancel(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Matching experts for an order, best first' })
  @Get(':id/candidates')
  @Authenticated({ roles: STAFF })
  @ApiOkResponse({
    type: CandidatePageResponse,
    description:
      'Ranked, with the reasons of each match; one page (limit 50 by default, at most 200) and the total. Only while a submitted request still needs experts: 409 REQUEST_NOT_OPEN_FOR_MATCHING for a draft, cancelled or completed one, REQUEST_ALREADY_FILLED for a filled one',
  })
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or not yours)')
  @ApiProblem(409, 'REQUEST_NOT_OPEN_FOR_MATCHING, REQUEST_ALREADY_FILLED')
  candidates(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Query() query: WidePageQueryDto,
  ): Promise<CandidatePageResponse> {
    return this.matching.candidates(ctx, id, query);
  }

  @ApiOperation({ summary: 'Why an order has the candidates it has' })
  @Get(':id/match-funnel')
  @Authenticated({ roles: STAFF })
  @ApiOkResponse({
    type: MatchFunnelResponse,
    description:
      'The experts left after each condition of a match in turn, from every active expert with a verified credential to the candidates. Open requests only, as for the candidates',
  })
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or not yours)')
  @ApiProblem(409, 'REQUEST_NOT_OPEN_FOR_MATCHING, REQUEST_ALREADY_FILLED')
  funnel(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<MatchFunnelResponse> {
    return this.matching.funnel(ctx, id);
  }

  @ApiOperation({ summary: 'Offer an order to experts' })
  @Post(':id/offers')
  @Authenticated({ roles: STAFF })
  @ApiCreatedResponse({
    type: [OfferResponse],
    description:
      'Only while a submitted request still needs experts (409 REQUEST_NOT_OPEN_FOR_MATCHING or REQUEST_ALREADY_FILLED otherwise)',
  })
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or not yours)')
  @ApiProblem(400, 'EXPERT_NOT_MATCHING (field expertIds), or VALIDATION_FAILED')
  @ApiProblem(409, 'REQUEST_NOT_OPEN_FOR_MATCHING, REQUEST_ALREADY_FILLED, ALREADY_OFFERED')
  sendOffers(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: SendOffersDto,
  ): Promise<OfferResponse[]> {
    return this.offers.send(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Assign an expert directly (coordinator)' })
  @Post(':id/assignments')
  @Authenticated({ roles: STAFF })
  @ApiCreatedResponse({
    type: BookedAssignmentResponse,
    description: 'Books a matching expert directly; the response names the contract drafted with the assignment',
  })
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or not yours)')
  @ApiProblem(400, 'EXPERT_NOT_MATCHING (field expertId), or VALIDATION_FAILED')
  @ApiProblem(
    409,
    'REQUEST_NOT_OPEN_FOR_MATCHING, REQUEST_ALREADY_FILLED, EXPERT_DOUBLE_BOOKED, or DIRECT_BOOKING_CROSSES_CEILING: ' +
      'the booking would take the expert’s fees this year past the yearly earnings ceiling they set (the amounts in ' +
      'the problem’s `ceiling`); book again with expertAgreedToCrossCeiling: true once the expert has agreed',
  )
  assign(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: DirectAssignDto,
  ): Promise<BookedAssignmentResponse> {
    return this.assignments.assignDirectly(ctx, id, dto);
  }
}
