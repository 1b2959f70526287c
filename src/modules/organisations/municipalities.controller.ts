import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { MunicipalityResponse } from './dto/organisation.response';
import { OrganisationsService } from './organisations.service';

@ApiTags('reference')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly service: OrganisationsService) {}

  @ApiOperation({ summary: "The county's municipalities" })
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [MunicipalityResponse], description: "The county's 14 municipalities" })
  list(): Promise<MunicipalityResponse[]> {
    return this.service.municipalities();
  }
}
