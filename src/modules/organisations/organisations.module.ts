import { Module } from '@nestjs/common';
import { MembersController } from './members.controller';
import { MunicipalitiesController } from './municipalities.controller';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';
import { ProjectsController } from './projects.controller';
import { UnitsController } from './units.controller';

@Module({
  controllers: [UnitsController, ProjectsController, MembersController, MunicipalitiesController],
  providers: [OrganisationsService, OrganisationsRepository],
  exports: [OrganisationsRepository],
})
export class OrganisationsModule {}
