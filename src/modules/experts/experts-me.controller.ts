import { Body, Controller, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ClearPaymentDetailsResponse, ExpertResponse, PaymentDetailsResponse } from './dto/expert.response';
import { PauseDto } from './dto/pause.dto';
import { PaymentDetailsDto } from './dto/payment-details.dto';
import { SetTopicsDto } from './dto/set-topics.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
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
  ) {}

  @Get()
  @ApiOkResponse({ type: ExpertResponse })
  me(@CurrentUser() ctx: AuthContext): Promise<ExpertResponse> {
    return this.experts.me(ctx);
  }

  @Patch()
  @ApiOkResponse({ type: ExpertResponse })
  update(@CurrentUser() ctx: AuthContext, @Body() dto: UpdateProfileDto): Promise<ExpertResponse> {
    return this.experts.updateMe(ctx, dto);
  }

  @Put('topics')
  @ApiOkResponse({ type: ExpertResponse, description: 'Records the consent (time and text version) with the topics' })
  setTopics(@CurrentUser() ctx: AuthContext, @Body() dto: SetTopicsDto): Promise<ExpertResponse> {
    return this.experts.setTopics(ctx, dto);
  }

  @Post('pause')
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertResponse })
  pause(@CurrentUser() ctx: AuthContext, @Body() dto: PauseDto): Promise<ExpertResponse> {
    return this.lifecycle.pause(ctx, dto);
  }

  @Post('resume')
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertResponse })
  resume(@CurrentUser() ctx: AuthContext): Promise<ExpertResponse> {
    return this.lifecycle.resume(ctx);
  }

  @Get('payment-details')
  @ApiOkResponse({ type: PaymentDetailsResponse, description: 'Masked' })
  paymentDetails(@CurrentUser() ctx: AuthContext): Promise<PaymentDetailsResponse> {
    return this.payment.get(ctx, ctx.user.id);
  }

  @Put('payment-details')
  @ApiOkResponse({ type: PaymentDetailsResponse, description: 'Masked' })
  setPaymentDetails(@CurrentUser() ctx: AuthContext, @Body() dto: PaymentDetailsDto): Promise<PaymentDetailsResponse> {
    return this.payment.put(ctx, dto);
  }

  @Get('payment-details/clear')
  @ApiOkResponse({ type: ClearPaymentDetailsResponse, description: 'Clear values; every read is audited' })
  clearPaymentDetails(@CurrentUser() ctx: AuthContext): Promise<ClearPaymentDetailsResponse> {
    return this.payment.readClear(ctx, ctx.user.id);
  }

  @Get('data')
  @ApiOkResponse({ description: 'Everything Kokemus holds about the expert, as JSON (GDPR art. 15)' })
  export(@CurrentUser() ctx: AuthContext): Promise<Record<string, unknown>> {
    return this.privacy.export(ctx);
  }

  @Post('erasure-request')
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertResponse, description: 'The coordinator carries it out by anonymising (GDPR art. 17)' })
  requestErasure(@CurrentUser() ctx: AuthContext): Promise<ExpertResponse> {
    return this.privacy.requestErasure(ctx);
  }
}
