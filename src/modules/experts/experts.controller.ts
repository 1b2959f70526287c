import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import { Authenticated, Public } from '../../common/auth/authenticated.decorator';
import { CurrentUser, Meta } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { IdParam } from '../../common/validation/parse-uuid.pipe';
import { ReasonDto } from './dto/anonymise.dto';
import { ApplyDto } from './dto/apply.dto';
import { DirectoryQuery } from './dto/directory.query';
import { PauseDto } from './dto/pause.dto';
import {
  ExpertPageResponse,
  ExpertResponse,
  PaymentDetailsResponse,
  TopicVocabularyResponse,
} from './dto/expert.response';
import { ExpertLifecycleService } from './expert-lifecycle.service';
import { ExpertPrivacyService } from './expert-privacy.service';
import { ExpertsService } from './experts.service';
import { PaymentDetailsService } from './payment-details.service';

// PRODUCT §1: experts' profiles, topics and payment details are the coordinator's; the admin keeps accounts only.
const STAFF = [Role.Coordinator];

@ApiTags('experts')
@Controller()
export class ExpertsController {
  constructor(
    private readonly experts: ExpertsService,
    private readonly lifecycle: ExpertLifecycleService,
    private readonly payment: PaymentDetailsService,
    private readonly privacy: ExpertPrivacyService,
  ) {}

  @ApiOperation({ summary: 'Apply to become an expert (public)' })
  @Post('experts/applications')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(202)
  @ApiAcceptedResponse({
    description: 'A verification link is mailed if the address is new; the answer is the same either way',
  })
  apply(@Meta() meta: RequestMeta, @Body() dto: ApplyDto): Promise<void> {
    return this.lifecycle.apply(meta, dto);
  }

  @ApiOperation({ summary: 'The experience topics one can choose' })
  @Get('topics')
  @Authenticated()
  @ApiOkResponse({ type: TopicVocabularyResponse })
  topics(): Promise<TopicVocabularyResponse> {
    return this.experts.topics();
  }

  @ApiOperation({ summary: 'The expert directory' })
  @Get('experts')
  @Authenticated({ roles: STAFF })
  @ApiOkResponse({ type: ExpertPageResponse })
  directory(@CurrentUser() ctx: AuthContext, @Query() query: DirectoryQuery): Promise<ExpertPageResponse> {
    return this.experts.directory(ctx, query);
  }

  @ApiOperation({ summary: 'One expert' })
  @Get('experts/:id')
  @Authenticated({ roles: STAFF })
  @ApiOkResponse({ type: ExpertResponse })
  @ApiProblem(404, 'EXPERT_NOT_FOUND')
  get(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<ExpertResponse> {
    return this.experts.get(ctx, id);
  }

  @ApiOperation({ summary: "An expert's payment details (audited read)" })
  @Get('experts/:id/payment-details')
  @Authenticated({ roles: STAFF })
  @ApiOkResponse({ type: PaymentDetailsResponse, description: 'Masked' })
  @ApiProblem(404, 'PAYMENT_DETAILS_MISSING: no payment details (or no such expert)')
  paymentDetails(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<PaymentDetailsResponse> {
    return this.payment.get(ctx, id);
  }

  @ApiOperation({ summary: 'Activate an expert' })
  @Post('experts/:id/activate')
  @Authenticated({ roles: STAFF })
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertResponse, description: 'Needs at least one verified training credential' })
  @ApiProblem(404, 'EXPERT_NOT_FOUND')
  @ApiProblem(409, 'EXPERT_NO_VERIFIED_CREDENTIAL, EXPERT_STATUS_CONFLICT')
  activate(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<ExpertResponse> {
    return this.lifecycle.activate(ctx, id);
  }

  @ApiOperation({ summary: 'Pause an expert (coordinator)' })
  @Post('experts/:id/pause')
  @Authenticated({ roles: STAFF })
  @HttpCode(200)
  @ApiOkResponse({
    type: ExpertResponse,
    description:
      'An active expert gets no offers until resumed; the optional reason is read only by the expert and the coordinator',
  })
  @ApiProblem(404, 'EXPERT_NOT_FOUND')
  @ApiProblem(409, 'EXPERT_STATUS_CONFLICT')
  pause(@CurrentUser() ctx: AuthContext, @IdParam() id: string, @Body() dto: PauseDto): Promise<ExpertResponse> {
    return this.lifecycle.pauseExpert(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Resume a paused expert (coordinator)' })
  @Post('experts/:id/resume')
  @Authenticated({ roles: STAFF })
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertResponse })
  @ApiProblem(404, 'EXPERT_NOT_FOUND')
  @ApiProblem(409, 'EXPERT_STATUS_CONFLICT')
  resume(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<ExpertResponse> {
    return this.lifecycle.resumeExpert(ctx, id);
  }

  @ApiOperation({
    summary: 'Retire an expert',
    description: 'Their offers awaiting an answer are withdrawn with the move.',
  })
  @Post('experts/:id/retire')
  @Authenticated({ roles: STAFF })
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertResponse })
  @ApiProblem(404, 'EXPERT_NOT_FOUND')
  @ApiProblem(
    409,
    'EXPERT_STATUS_CONFLICT, or EXPERT_HAS_BOOKED_WORK: accepted or confirmed assignments not yet ended (bookedAssignments: how many) must be cancelled first',
  )
  retire(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<ExpertResponse> {
    return this.lifecycle.retire(ctx, id);
  }

  @ApiOperation({
    summary: "Anonymise an expert's personal data",
    description:
      'Their offers awaiting an answer are withdrawn, and their contracts not yet signed are terminated and lose their content; signed contracts stay whole.',
  })
  @Post('experts/:id/anonymise')
  @Authenticated({ roles: STAFF })
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertResponse, description: 'Erasure: personal data removed, money records kept' })
  @ApiProblem(404, 'EXPERT_NOT_FOUND')
  @ApiProblem(
    409,
    'EXPERT_STATUS_CONFLICT, or EXPERT_HAS_BOOKED_WORK: accepted or confirmed assignments not yet ended (bookedAssignments: how many) must be cancelled first',
  )
  anonymise(@CurrentUser() ctx: AuthContext, @IdParam() id: string, @Body() dto: ReasonDto): Promise<ExpertResponse> {
    return this.privacy.anonymise(ctx, id, dto);
  }
}
