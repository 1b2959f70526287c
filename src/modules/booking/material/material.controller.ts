import { Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import { ApiFileDownload, ApiUploadForm, Download, SendsFile, UploadedForm, UploadForm } from '../../files';
import { RequestResponse } from '../dto/booking.response';
import { MaterialFields, MaterialForm } from './material.form';
import { MaterialService } from './material.service';

@ApiTags('booking')
@Controller('booking-requests/:id/material')
export class MaterialController {
  constructor(private readonly material: MaterialService) {}

  @ApiOperation({ summary: 'Attach a file of material for the expert to a draft order' })
  @Put()
  @Authenticated({ roles: [Role.Orderer] })
  @ApiOkResponse({
    type: RequestResponse,
    description: 'The order with its material file; a file attached before is replaced',
  })
  @ApiProblem(409, 'REQUEST_STATUS_CONFLICT: only a draft can be changed')
  @ApiUploadForm(MaterialForm)
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or not yours)')
  attach(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @UploadForm(MaterialFields) form: UploadedForm<MaterialFields>,
  ): Promise<RequestResponse> {
    return this.material.attach(ctx, id, form.file);
  }

  @ApiOperation({ summary: 'Remove the material file of a draft order' })
  @Delete()
  @Authenticated({ roles: [Role.Orderer] })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The file is gone' })
  @ApiProblem(409, 'REQUEST_STATUS_CONFLICT: only a draft can be changed')
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or not yours), MATERIAL_NOT_FOUND')
  remove(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<void> {
    return this.material.remove(ctx, id);
  }

  @ApiOperation({ summary: 'The material file of an order' })
  @Get()
  @Authenticated({ roles: [Role.Orderer, Role.Coordinator, Role.Expert] })
  @ApiFileDownload(
    'An attachment. The ordering unit’s members, the coordinator, and an expert who was offered the work',
  )
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or not yours), MATERIAL_NOT_FOUND')
  @SendsFile()
  download(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<Download> {
    return this.material.download(ctx, id);
  }
}
