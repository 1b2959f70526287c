import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateUnitDto } from './dto/create-unit.dto';
import { UpdateUnitDto } from './dto/update-organisation.dto';
import { OrganisationKind } from './entities/organisation.entity';
import { OrganisationKindController } from './organisation-kind.controller';

@ApiTags('organisations')
@Controller('units')
export class UnitsController extends OrganisationKindController(
  OrganisationKind.Unit,
  { one: 'unit', many: 'units' },
  { create: CreateUnitDto, update: UpdateUnitDto },
) {}
