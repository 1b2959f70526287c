import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { IdParam } from '../../common/validation/parse-uuid.pipe';
import { AvailabilityService } from './availability.service';
import { AvailabilityRangeQuery } from './dto/availability-range.query';
import {
  AbsenceResponse,
  AvailabilityCheckResponse,
  AvailabilityResponse,
  OneOffWindowResponse,
  WeeklyWindowResponse,
} from './dto/availability.response';
import { CreateAbsenceDto } from './dto/create-absence.dto';
import { CreateOneOffWindowDto } from './dto/create-one-off-window.dto';
import { CreateWeeklyWindowDto } from './dto/create-weekly-window.dto';

@ApiTags('availability')
@Controller('experts/me/availability')
@Authenticated({ roles: [Role.Expert] })
export class MyAvailabilityController {
  constructor(private readonly service: AvailabilityService) {}

  @ApiOperation({ summary: 'My availability: weekly windows, one-off times and absences' })
  @Get()
  @ApiOkResponse({ type: AvailabilityResponse, description: 'Local times in Europe/Helsinki' })
  get(@CurrentUser() ctx: AuthContext): Promise<AvailabilityResponse> {
    return this.service.mine(ctx);
  }

  @ApiOperation({ summary: 'Whether I am free for a time range' })
  @Get('check')
  @ApiOkResponse({ type: AvailabilityCheckResponse })
  check(@CurrentUser() ctx: AuthContext, @Query() query: AvailabilityRangeQuery): Promise<AvailabilityCheckResponse> {
    return this.service.checkMine(ctx, query);
  }

  @ApiOperation({ summary: 'Add a weekly availability window' })
  @Post('weekly')
  @ApiCreatedResponse({
    type: WeeklyWindowResponse,
    description:
      'Added; the same weekly window sent again (to the minute and the day, as after a lost answer) answers with the one kept and adds nothing',
  })
  @ApiProblem(409, 'AVAILABILITY_OVERLAP: it overlaps another (fields named)')
  addWeekly(@CurrentUser() ctx: AuthContext, @Body() dto: CreateWeeklyWindowDto): Promise<WeeklyWindowResponse> {
    return this.service.addWeekly(ctx, dto);
  }

  @ApiOperation({ summary: 'Remove a weekly availability window' })
  @Delete('weekly/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblem(404, 'AVAILABILITY_NOT_FOUND (or not yours)')
  removeWeekly(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<void> {
    return this.service.remove(ctx, 'weekly', id);
  }

  @ApiOperation({ summary: 'Add a one-off available time' })
  @Post('one-off')
  @ApiCreatedResponse({
    type: OneOffWindowResponse,
    description:
      'Added; the same one-off time sent again (to the minute and the day, as after a lost answer) answers with the one kept and adds nothing',
  })
  @ApiProblem(409, 'AVAILABILITY_OVERLAP: it overlaps another (fields named)')
  addOneOff(@CurrentUser() ctx: AuthContext, @Body() dto: CreateOneOffWindowDto): Promise<OneOffWindowResponse> {
    return this.service.addOneOff(ctx, dto);
  }

  @ApiOperation({ summary: 'Remove a one-off available time' })
  @Delete('one-off/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblem(404, 'AVAILABILITY_NOT_FOUND (or not yours)')
  removeOneOff(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<void> {
    return this.service.remove(ctx, 'oneOff', id);
  }

  @ApiOperation({ summary: 'Add an absence' })
  @Post('absences')
  @ApiCreatedResponse({
    type: AbsenceResponse,
    description:
      'Added; the same absence sent again (to the minute and the day, as after a lost answer) answers with the one kept and adds nothing',
  })
  @ApiProblem(409, 'AVAILABILITY_OVERLAP: it overlaps another (fields named)')
  addAbsence(@CurrentUser() ctx: AuthContext, @Body() dto: CreateAbsenceDto): Promise<AbsenceResponse> {
    return this.service.addAbsence(ctx, dto);
  }

  @ApiOperation({ summary: 'Remove an absence' })
  @Delete('absences/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblem(404, 'AVAILABILITY_NOT_FOUND (or not yours)')
  removeAbsence(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<void> {
    return this.service.remove(ctx, 'absence', id);
  }
}
