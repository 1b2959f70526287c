import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ParseUuidPipe } from '../../common/validation/parse-uuid.pipe';
import { CreateUnitDto } from './dto/create-unit.dto';
import { OrganisationResponse } from './dto/organisation.response';
import { UpdateUnitDto } from './dto/update-organisation.dto';
import { OrganisationKind } from './entities/organisation.entity';
import { OrganisationsService } from './organisations.service';

const MANAGERS = [Role.Admin, Role.Coordinator];
const READERS = [Role.Admin, Role.Coordinator, Role.Orderer];

@ApiTags('organisations')
@Controller('units')
export class UnitsController {
  constructor(private readonly service: OrganisationsService) {}

  @ApiOperation({ summary: 'Create a unit' })
  @Post()
  @Authenticated({ roles: MANAGERS })
  @ApiCreatedResponse({ type: OrganisationResponse })
  create(@CurrentUser() ctx: AuthContext, @Body() dto: CreateUnitDto): Promise<OrganisationResponse> {
    return this.service.create(ctx, OrganisationKind.Unit, dto);
  }

  @ApiOperation({ summary: 'Units' })
  @Get()
  @Authenticated({ roles: READERS })
  @ApiOkResponse({ type: [OrganisationResponse], description: 'An orderer gets only the units they belong to' })
  list(@CurrentUser() ctx: AuthContext): Promise<OrganisationResponse[]> {
    return this.service.list(ctx, OrganisationKind.Unit);
  }

  @ApiOperation({ summary: 'One unit' })
  @Get(':id')
  @Authenticated({ roles: READERS })
  @ApiOkResponse({ type: OrganisationResponse })
  get(@CurrentUser() ctx: AuthContext, @Param('id', ParseUuidPipe) id: string): Promise<OrganisationResponse> {
    return this.service.get(ctx, OrganisationKind.Unit, id);
  }

  @ApiOperation({ summary: 'Change a unit' })
  @Patch(':id')
  @Authenticated({ roles: MANAGERS })
  @ApiOkResponse({ type: OrganisationResponse })
  update(
    @CurrentUser() ctx: AuthContext,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateUnitDto,
  ): Promise<OrganisationResponse> {
    return this.service.update(ctx, OrganisationKind.Unit, id, dto);
  }
}
