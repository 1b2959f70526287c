import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateProjectDto } from './dto/create-project.dto';
import { UpdateProjectDto } from './dto/update-organisation.dto';
import { OrganisationKind } from './entities/organisation.entity';
import { OrganisationKindController } from './organisation-kind.controller';

@ApiTags('organisations')
@Controller('projects')
export class ProjectsController extends OrganisationKindController(
  OrganisationKind.Project,
  { one: 'project', many: 'projects' },
  { create: CreateProjectDto, update: UpdateProjectDto },
) {}
