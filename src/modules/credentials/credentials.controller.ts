import { Body, Controller, Delete, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { ApiIdempotencyKey, idempotencyKey } from '../../common/http/idempotency-key.util';
import { IdParam } from '../../common/validation/parse-uuid.pipe';
import { ApiFileDownload, ApiUploadForm, Download, SendsFile, UploadedForm, UploadForm } from '../files';
import { CredentialsService } from './credentials.service';
import { CreateCredentialDto } from './dto/create-credential.dto';
import { CreateCredentialForm } from './dto/create-credential.form';
import { CredentialResponse } from './dto/credential.response';
import { RejectCredentialDto } from './dto/reject-credential.dto';

// PRODUCT §1: credentials say what an expert lived through; the admin (accounts) never reads them.
const STAFF = [Role.Coordinator];

@ApiTags('credentials')
@Controller()
export class CredentialsController {
  constructor(private readonly service: CredentialsService) {}

  @ApiOperation({ summary: 'Submit a training credential with its certificate' })
  @Post('experts/me/credentials')
  @Authenticated({ roles: [Role.Expert] })
  @ApiIdempotencyKey('the form answers with the credential it sent the first time and stores nothing more')
  @ApiCreatedResponse({
    type: CredentialResponse,
    description:
      'Pending until a coordinator verifies or rejects it; with an Idempotency-Key used before, the credential sent with it, as it is now',
  })
  @ApiUploadForm(CreateCredentialForm)
  submit(
    @CurrentUser() ctx: AuthContext,
    @UploadForm(CreateCredentialDto) form: UploadedForm<CreateCredentialDto>,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<CredentialResponse> {
    return this.service.submit(ctx, form, idempotencyKey(key));
  }

  @ApiOperation({ summary: 'My training credentials' })
  @Get('experts/me/credentials')
  @Authenticated({ roles: [Role.Expert] })
  @ApiOkResponse({ type: [CredentialResponse] })
  listOwn(@CurrentUser() ctx: AuthContext): Promise<CredentialResponse[]> {
    return this.service.listOwn(ctx);
  }

  @ApiOperation({ summary: 'Remove my unverified training credential' })
  @Delete('experts/me/credentials/:id')
  @Authenticated({ roles: [Role.Expert] })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The credential and its file are gone' })
  @ApiProblem(404, 'CREDENTIAL_NOT_FOUND (or not yours)')
  @ApiProblem(409, 'CREDENTIAL_ALREADY_DECIDED: only a pending credential can be withdrawn')
  removeOwn(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<void> {
    return this.service.removeOwn(ctx, id);
  }

  @ApiOperation({ summary: "An expert's training credentials (coordinator)" })
  @Get('experts/:id/credentials')
  @Authenticated({ roles: STAFF })
  @ApiOkResponse({ type: [CredentialResponse] })
  @ApiProblem(404, 'EXPERT_NOT_FOUND')
  listForExpert(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<CredentialResponse[]> {
    return this.service.listForExpert(ctx, id);
  }

  @ApiOperation({ summary: "A training credential's certificate file" })
  @Get('credentials/:id/file')
  @Authenticated({ roles: [Role.Expert, ...STAFF] })
  @ApiFileDownload('The certificate, as an attachment, in the type detected at upload')
  @ApiProblem(404, "CREDENTIAL_NOT_FOUND: no such credential, or another expert's")
  @SendsFile()
  file(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<Download> {
    return this.service.file(ctx, id);
  }

  @ApiOperation({ summary: 'Verify a training credential' })
  @Post('credentials/:id/verify')
  @Authenticated({ roles: STAFF })
  @HttpCode(200)
  @ApiOkResponse({ type: CredentialResponse, description: 'Verified; the expert is told by mail in their language' })
  @ApiProblem(404, 'CREDENTIAL_NOT_FOUND')
  @ApiProblem(409, 'CREDENTIAL_ALREADY_DECIDED')
  verify(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<CredentialResponse> {
    return this.service.verify(ctx, id);
  }

  @ApiOperation({ summary: 'Reject a training credential' })
  @Post('credentials/:id/reject')
  @Authenticated({ roles: STAFF })
  @HttpCode(200)
  @ApiOkResponse({
    type: CredentialResponse,
    description: 'Rejected; the expert gets the reason by mail in their language',
  })
  @ApiProblem(404, 'CREDENTIAL_NOT_FOUND')
  @ApiProblem(409, 'CREDENTIAL_ALREADY_DECIDED')
  reject(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: RejectCredentialDto,
  ): Promise<CredentialResponse> {
    return this.service.reject(ctx, id, dto);
  }
}
