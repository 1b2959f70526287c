import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ExpertHomeResponse } from './dto/expert-home.response';
import { ExpertHomeService } from './expert-home.service';

@ApiTags('experts')
@Controller('experts/me/home')
export class ExpertHomeController {
  constructor(private readonly home: ExpertHomeService) {}

  @ApiOperation({ summary: 'My home: offers waiting, contracts to sign, next assignments, returned claims' })
  @Get()
  @Authenticated({ roles: [Role.Expert] })
  @ApiOkResponse({
    type: ExpertHomeResponse,
    description:
      'What waits for the expert: open offers, next assignments, contracts to sign, returned claims; only their own',
  })
  get(@CurrentUser() ctx: AuthContext): Promise<ExpertHomeResponse> {
    return this.home.get(ctx);
  }
}
