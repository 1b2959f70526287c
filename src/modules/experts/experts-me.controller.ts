import { Body, Controller, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { ExpertDataResponse } from './dto/expert-data.response';
import { ClearPaymentDetailsResponse, ExpertResponse, PaymentDetailsResponse } from './dto/expert.response';
import { PauseDto } from './dto/pause.dto';
import { PaymentDetailsDto } from './dto/payment-details.dto';
import { SetTopicsDto } from './dto/set-topics.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ExpertDataExport } from './expert-data-export.service';
import { ExpertLifecycleService } from './expert-lifecycle.service';
import { ExpertPrivacyService } from './expert-privacy.service';
import { ExpertsService } from './experts.service';
import { PaymentDetailsService } from './payment-details.service';

// The expert's own profile, payment details and data rights.
@ApiTags('experts')
@Controller('experts/me')
@Authenticated({ roles: [Role.Expert] })
export class ExpertsMeController {
  constructor(
    private readonly experts: ExpertsService,
    private readonly lifecycle: ExpertLifecycleService,
    private readonly payment: PaymentDetailsService,
    private readonly privacy: ExpertPrivacyService,
    private readonly dataExport: ExpertDataExport,
  ) {}

  @ApiOperation({ summary: 'My expert profile' })
  @Get()
  @ApiOkResponse({ type: ExpertResponse })
  me(@CurrentUser() ctx: AuthContext): Promise<ExpertResponse> {
    return this.experts.me(ctx);
  }

  @ApiOperation({ summary: 'Change my expert profile' })
  @Patch()
  @ApiOkResponse({ type: ExpertResponse })
  update(@CurrentUser() ctx: AuthContext, @Body() dto: UpdateProfileDto): Promise<ExpertResponse> {
    return this.experts.updateMe(ctx, dto);
  }

  @ApiOperation({ summary: 'Set my experience topics and consent to showing them' })
  @Put('topics')
  @ApiOkResponse({ type: ExpertResponse, description: 'Records the consent (time and text version) with the topics' })
  @ApiProblem(400, 'TOPICS_CONSENT_REQUIRED (field consent), or VALIDATION_FAILED')
  setTopics(@CurrentUser() ctx: AuthContext, @Body() dto: SetTopicsDto): Promise<ExpertResponse> {
    return this.experts.setTopics(ctx, dto);
  }

  @ApiOperation({ summary: 'Pause my availability for offers' })
  @Post('pause')
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertResponse })
  @ApiProblem(409, 'EXPERT_STATUS_CONFLICT')
  pause(@CurrentUser() ctx: AuthContext, @Body() dto: PauseDto): Promise<ExpertResponse> {
    return this.lifecycle.pause(ctx, dto);
  }

  @ApiOperation({ summary: 'Resume receiving offers' })
  @Post('resume')
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertResponse })
  @ApiProblem(409, 'EXPERT_STATUS_CONFLICT')
  resume(@CurrentUser() ctx: AuthContext): Promise<ExpertResponse> {
    return this.lifecycle.resume(ctx);
  }

  @ApiOperation({ summary: 'My payment details (masked)' })
  @Get('payment-details')
  @ApiOkResponse({ type: PaymentDetailsResponse, description: 'Masked' })
  @ApiProblem(404, 'PAYMENT_DETAILS_MISSING: none given yet')
  paymentDetails(@CurrentUser() ctx: AuthContext): Promise<PaymentDetailsResponse> {
    return this.payment.get(ctx, ctx.user.id);
  }

  @ApiOperation({ summary: 'Set my payment details' })
  @Put('payment-details')
  @ApiOkResponse({ type: PaymentDetailsResponse, description: 'Masked' })
  @ApiProblem(409, 'IDENTITY_CODE_TAKEN (field identityCode, code taken)')
  setPaymentDetails(@CurrentUser() ctx: AuthContext, @Body() dto: PaymentDetailsDto): Promise<PaymentDetailsResponse> {
    return this.payment.put(ctx, dto);
  }

  @ApiOperation({ summary: 'My payment details in clear (every read is audited)' })
  @Get('payment-details/clear')
  @ApiOkResponse({ type: ClearPaymentDetailsResponse, description: 'Clear values; every read is audited' })
  @ApiProblem(404, 'PAYMENT_DETAILS_MISSING: none given yet')
  clearPaymentDetails(@CurrentUser() ctx: AuthContext): Promise<ClearPaymentDetailsResponse> {
    return this.payment.readClear(ctx, ctx.user.id);
  }

  @ApiOperation({ summary: 'Export all my data (GDPR art. 15 and 20)' })
  @Get('data')
  @ApiOkResponse({
    type: ExpertDataResponse,
    description:
      'Everything Kokemus holds about you, structured (GDPR art. 15 and 20). Each file is given by the path you download it from ' +
      'with your own token: credential certificates, contract PDFs, claim receipts and fee statements. Reading it is audited.',
  })
  export(@CurrentUser() ctx: AuthContext): Promise<ExpertDataResponse> {
    return this.dataExport.export(ctx);
  }

  @ApiOperation({ summary: 'Ask for erasure of my data' })
  @Post('erasure-request')
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertResponse, description: 'The coordinator carries it out by anonymising (GDPR art. 17)' })
  requestErasure(@CurrentUser() ctx: AuthContext): Promise<ExpertResponse> {
    return this.privacy.requestErasure(ctx);
  }
}
