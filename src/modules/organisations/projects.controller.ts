import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ParseUuidPipe } from '../../common/validation/parse-uuid.pipe';
import { CreateProjectDto } from './dto/create-project.dto';
import { OrganisationResponse } from './dto/organisation.response';
import { UpdateProjectDto } from './dto/update-organisation.dto';
import { OrganisationKind } from './entities/organisation.entity';
import { OrganisationsService } from './organisations.service';

const MANAGERS = [Role.Admin, Role.Coordinator];
const READERS = [Role.Admin, Role.Coordinator, Role.Orderer];

@ApiTags('organisations')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly service: OrganisationsService) {}

  @ApiOperation({ summary: 'Create a project' })
  @Post()
  @Authenticated({ roles: MANAGERS })
  @ApiCreatedResponse({ type: OrganisationResponse })
  create(@CurrentUser() ctx: AuthContext, @Body() dto: CreateProjectDto): Promise<OrganisationResponse> {
    return this.service.create(ctx, OrganisationKind.Project, dto);
  }

  @ApiOperation({ summary: 'Projects' })
  @Get()
  @Authenticated({ roles: READERS })
  @ApiOkResponse({ type: [OrganisationResponse], description: 'An orderer gets only the projects they belong to' })
  list(@CurrentUser() ctx: AuthContext): Promise<OrganisationResponse[]> {
    return this.service.list(ctx, OrganisationKind.Project);
  }

  @ApiOperation({ summary: 'One project' })
  @Get(':id')
  @Authenticated({ roles: READERS })
  @ApiOkResponse({ type: OrganisationResponse })
  get(@CurrentUser() ctx: AuthContext, @Param('id', ParseUuidPipe) id: string): Promise<OrganisationResponse> {
    return this.service.get(ctx, OrganisationKind.Project, id);
  }

  @ApiOperation({ summary: 'Change a project' })
  @Patch(':id')
  @Authenticated({ roles: MANAGERS })
  @ApiOkResponse({ type: OrganisationResponse })
  update(
    @CurrentUser() ctx: AuthContext,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateProjectDto,
  ): Promise<OrganisationResponse> {
    return this.service.update(ctx, OrganisationKind.Project, id, dto);
  }
}
