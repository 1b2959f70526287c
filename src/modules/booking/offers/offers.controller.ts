import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import { AcceptOfferDto, DeclineOfferDto } from '../dto/booking-actions.dto';
import { BookedAssignmentResponse, OfferResponse } from '../dto/booking.response';
import { ListOffersQuery } from '../dto/list-requests.query';
import { OffersService } from './offers.service';

// The expert's side of offers: only their own.
@ApiTags('booking')
@Controller('offers')
@Authenticated({ roles: [Role.Expert] })
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @ApiOperation({ summary: 'My offers' })
  @Get()
  @ApiOkResponse({ type: [OfferResponse] })
  mine(@CurrentUser() ctx: AuthContext, @Query() query: ListOffersQuery): Promise<OfferResponse[]> {
    return this.offers.mine(ctx, query.status);
  }

  @ApiOperation({ summary: 'Accept an offer' })
  @Post(':id/accept')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: BookedAssignmentResponse,
    description:
      'The new assignment and the contract drafted for it. 409 REQUEST_ALREADY_FILLED, EXPERT_DOUBLE_BOOKED or EARNINGS_CEILING_ACK_REQUIRED',
  })
  @ApiProblem(404, 'OFFER_NOT_FOUND (or not yours)')
  @ApiProblem(
    409,
    'OFFER_NOT_OPEN (reason: accepted, declined, expired, withdrawn or requestCancelled), REQUEST_ALREADY_FILLED (withdrawn because the order got its experts), EXPERT_DOUBLE_BOOKED, EARNINGS_CEILING_ACK_REQUIRED',
  )
  accept(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: AcceptOfferDto,
  ): Promise<BookedAssignmentResponse> {
    return this.offers.accept(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Decline an offer' })
  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: OfferResponse })
  @ApiProblem(404, 'OFFER_NOT_FOUND (or not yours)')
  @ApiProblem(
    409,
    'OFFER_NOT_OPEN (reason: accepted, declined, expired, withdrawn or requestCancelled), REQUEST_ALREADY_FILLED (withdrawn because the order got its experts)',
  )
  decline(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: DeclineOfferDto,
  ): Promise<OfferResponse> {
    return this.offers.decline(ctx, id, dto);
  }
}
