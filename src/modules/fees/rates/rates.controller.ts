import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import {
  CreateFeeRateDto,
  FeeRateResponse,
  FeeSettingsResponse,
  TravelRateDto,
  TravelRateResponse,
  UpdateFeeSettingsDto,
} from '../dto/rates.dto';
import { RatesService } from './rates.service';

@ApiTags('fees')
@Controller()
export class RatesController {
  constructor(private readonly rates: RatesService) {}

  @ApiOperation({ summary: 'The fee schedule' })
  @Get('fee-schedule')
  @Authenticated()
  @ApiOkResponse({
    type: [FeeRateResponse],
    description: 'Every dated row; the row in force on the day of the work prices it',
  })
  schedule(): Promise<FeeRateResponse[]> {
    return this.rates.schedule();
  }

  @ApiOperation({ summary: 'Add a dated fee rate' })
  @Post('fee-schedule')
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiCreatedResponse({ type: FeeRateResponse, description: 'A new period for a task type; rows are never rewritten' })
  @ApiProblem(
    409,
    'FEE_RATE_EXISTS (field validFrom, code taken): the task type already has a row starting that day. ' +
      'FEE_RATE_IN_USE (field validFrom, code inUse): work of the task type on or after that day is already approved ' +
      'or paid at the rate in force',
  )
  addRate(@CurrentUser() ctx: AuthContext, @Body() dto: CreateFeeRateDto): Promise<FeeRateResponse> {
    return this.rates.addRate(ctx, dto);
  }

  @ApiOperation({ summary: 'Travel rates by year' })
  @Get('travel-rates')
  @Authenticated()
  @ApiOkResponse({ type: [TravelRateResponse], description: 'Own-car rate per km by year of travel' })
  travelRates(): Promise<TravelRateResponse[]> {
    return this.rates.travelRates();
  }

  @ApiOperation({ summary: "Set a year's travel rate (admin)" })
  @Put('travel-rates/:year')
  @Authenticated({ roles: [Role.Admin] })
  @ApiOkResponse({ type: TravelRateResponse })
  setTravelRate(
    @CurrentUser() ctx: AuthContext,
    @Param('year') year: string,
    @Body() dto: TravelRateDto,
  ): Promise<TravelRateResponse> {
    return this.rates.setTravelRate(ctx, Number(year), dto);
  }

  @ApiOperation({ summary: 'Fee settings' })
  @Get('fee-settings')
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiOkResponse({ type: FeeSettingsResponse })
  settings(): Promise<FeeSettingsResponse> {
    return this.rates.settings();
  }

  // The fee schedule and its settings are the coordinator's (UI.md); the admin keeps the travel rates.
  @ApiOperation({ summary: 'Change fee settings' })
  @Patch('fee-settings')
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiOkResponse({ type: FeeSettingsResponse })
  updateSettings(@CurrentUser() ctx: AuthContext, @Body() dto: UpdateFeeSettingsDto): Promise<FeeSettingsResponse> {
    return this.rates.updateSettings(ctx, dto);
  }
}
