import { PartialType } from '@nestjs/swagger';
import { CreateProjectDto } from './create-project.dto';
import { CreateUnitDto } from './create-unit.dto';

export class UpdateUnitDto extends PartialType(CreateUnitDto) {}

export class UpdateProjectDto extends PartialType(CreateProjectDto) {}
