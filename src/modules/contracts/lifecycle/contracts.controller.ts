import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { FastifyReply } from 'fastify';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import { contractPdfResponse } from '../document/contract-pdf.response';
import { ContractPdfsService } from '../document/contract-pdfs.service';
import { ContractSigningService } from './contract-signing.service';
import { ContractsService } from './contracts.service';
import {
  ContractPdfQuery,
  ReviseContractDto,
  SignContractDto,
  TerminateContractDto,
} from '../dto/contract-actions.dto';
import { ContractPageResponse, ContractResponse } from '../dto/contract.response';
import { CreateContractDto } from '../dto/create-contract.dto';
import { ListContractsQuery } from '../dto/list-contracts.query';

// PRODUCT §1: contracts are the expert's and the coordinator's; the admin does not read them.
const READERS = [Role.Coordinator, Role.Expert];

@ApiTags('contracts')
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly signing: ContractSigningService,
    private readonly pdfs: ContractPdfsService,
  ) {}

  @ApiOperation({ summary: 'Contracts visible to me' })
  @Get()
  @Authenticated({ roles: READERS })
  @ApiOkResponse({ type: ContractPageResponse, description: 'Coordinator: all, filtered; expert: their own' })
  list(@CurrentUser() ctx: AuthContext, @Query() query: ListContractsQuery): Promise<ContractPageResponse> {
    return this.contracts.list(ctx, query);
  }

  @ApiOperation({ summary: "Create a contract for a series of one expert's assignments" })
  @Post()
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiCreatedResponse({
    type: ContractResponse,
    description: 'One draft contract for a series of one expert’s assignments; their own drafts are superseded',
  })
  @ApiProblem(
    400,
    'CONTRACT_TERM_NOT_COVERING, CONTRACT_ASSIGNMENT_OF_ANOTHER_EXPERT, CONTRACT_MIXED_ORGANISATIONS, CONTRACT_MIXED_FEE_TERMS, CONTRACT_EXPERT_NOT_FOUND',
  )
  @ApiProblem(409, 'ASSIGNMENT_ALREADY_UNDER_CONTRACT, CONTRACT_PARTIAL_REPLACEMENT, CONTRACT_ASSIGNMENT_NOT_OPEN')
  create(@CurrentUser() ctx: AuthContext, @Body() dto: CreateContractDto): Promise<ContractResponse> {
    return this.contracts.create(ctx, dto);
  }

  @ApiOperation({ summary: 'One contract' })
  @Get(':id')
  @Authenticated({ roles: READERS })
  @ApiOkResponse({ type: ContractResponse })
  @ApiProblem(404, 'CONTRACT_NOT_FOUND: no such contract, or another expert’s')
  get(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<ContractResponse> {
    return this.contracts.get(ctx, id);
  }

  @ApiOperation({ summary: "A contract's PDF (ETag: its SHA-256)" })
  @Get(':id/pdf')
  @Authenticated({ roles: READERS })
  @ApiOkResponse({
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    description:
      'The signed-language PDF exactly as stored, or with language=en an information copy rendered on demand',
    headers: { ETag: { description: 'SHA-256 of the PDF in hex, quoted', schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 304, description: 'If-None-Match names the current hash' })
  @ApiProblem(409, 'CONTRACT_PDF_NOT_READY')
  @ApiProblem(404, 'CONTRACT_NOT_FOUND (or not yours)')
  async pdf(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Query() query: ContractPdfQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    return contractPdfResponse(reply, await this.pdfs.download(ctx, id, query, ifNoneMatch));
  }

  @ApiOperation({ summary: "A draft contract's preview PDF (coordinator)" })
  @Get(':id/preview-pdf')
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiOkResponse({
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    description:
      'The draft as it would read if approved now, in its binding language (or with language=en an English information copy), ' +
      'marked as a draft on every page; rendered on demand and never stored or signed',
  })
  @ApiProblem(404, 'CONTRACT_NOT_FOUND')
  @ApiProblem(
    409,
    'CONTRACT_ALREADY_APPROVED, CONTRACT_ALREADY_SIGNED, CONTRACT_SUPERSEDED, CONTRACT_TERMINATED (only a draft has a preview; the others have their PDF), ' +
      'EXPERT_DATE_OF_BIRTH_MISSING, CONTRACT_MIXED_FEE_TERMS, FEE_RATE_NOT_FOUND, TRAVEL_RATE_NOT_FOUND (what would stop its approval)',
  )
  async previewPdf(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Query() query: ContractPdfQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    return contractPdfResponse(reply, await this.pdfs.preview(ctx, id, query));
  }

  @Get(':id/signed-pdf')
  @Authenticated({ roles: [Role.Coordinator, Role.Expert] })
  @ApiOperation({ summary: 'Download the signed copy of a signed contract' })
  @ApiOkResponse({
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    description:
      'The signed copy, for the expert whose contract it is and for coordinators. It begins with the approved PDF byte for byte (the file whose SHA-256 is `signature.pdfSha256`), ' +
      'followed by a signature page (who signed, when in Finnish time, from which address and browser, and the SHA-256 of the approved document) in the contract’s language, ' +
      'appended as an incremental update. Made by the worker shortly after signing; `signedCopyReady` in the contract says when.',
    headers: {
      ETag: {
        description: 'SHA-256 of the signed copy in hex, quoted (`signedCopySha256`)',
        schema: { type: 'string' },
      },
    },
  })
  @ApiResponse({ status: 304, description: 'If-None-Match names the current hash' })
  @ApiProblem(404, 'CONTRACT_NOT_FOUND: no such contract, or another expert’s')
  @ApiProblem(409, 'CONTRACT_NOT_SIGNED, CONTRACT_SIGNED_COPY_NOT_READY')
  async signedPdf(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    return contractPdfResponse(reply, await this.pdfs.downloadSignedCopy(ctx, id, ifNoneMatch));
  }

  @ApiOperation({ summary: 'Approve a draft contract (coordinator)' })
  @Post(':id/approve')
  @Authenticated({ roles: [Role.Coordinator] })
  @HttpCode(200)
  @ApiOkResponse({
    type: ContractResponse,
    description: 'Approved; the worker renders and stores the PDF, then the expert is told',
  })
  @ApiProblem(
    409,
    'CONTRACT_ALREADY_APPROVED, CONTRACT_ALREADY_SIGNED, CONTRACT_SUPERSEDED, EXPERT_DATE_OF_BIRTH_MISSING, CONTRACT_WORK_CANCELLED',
  )
  @ApiProblem(404, 'CONTRACT_NOT_FOUND (or not yours)')
  approve(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<ContractResponse> {
    return this.signing.approve(ctx, id);
  }

  @ApiOperation({ summary: 'Sign an approved contract (the expert)' })
  @Post(':id/sign')
  @Authenticated({ roles: [Role.Expert] })
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({
    type: ContractResponse,
    description:
      'Signed: time, IP, user agent and the PDF’s SHA-256 recorded; its assignments confirmed; the worker then makes the signed copy',
  })
  @ApiProblem(403, 'SIGNING_PASSWORD_INCORRECT (field password, code incorrect)')
  @ApiProblem(
    409,
    'CONTRACT_ALREADY_SIGNED, CONTRACT_NOT_APPROVED, CONTRACT_SUPERSEDED, CONTRACT_PDF_NOT_READY, CONTRACT_PDF_MISMATCH, CONTRACT_WORK_CANCELLED',
  )
  @ApiProblem(404, 'CONTRACT_NOT_FOUND (or not yours)')
  sign(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: SignContractDto,
  ): Promise<ContractResponse> {
    return this.signing.sign(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Draft a new version of a signed contract' })
  @Post(':id/revise')
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiCreatedResponse({
    type: ContractResponse,
    description: 'A new draft version; once signed it supersedes this one, and both stay readable',
  })
  @ApiProblem(409, 'CONTRACT_NOT_SIGNED, CONTRACT_REVISION_PENDING, CONTRACT_SUPERSEDED, CONTRACT_WORK_CANCELLED')
  @ApiProblem(404, 'CONTRACT_NOT_FOUND (or not yours)')
  revise(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: ReviseContractDto,
  ): Promise<ContractResponse> {
    return this.contracts.revise(ctx, id, dto);
  }

  @ApiOperation({ summary: 'End a contract early' })
  @Post(':id/terminate')
  @Authenticated({ roles: [Role.Coordinator] })
  @HttpCode(200)
  @ApiOkResponse({ type: ContractResponse, description: 'Terminated early: who, when and why are recorded' })
  @ApiProblem(409, 'CONTRACT_TERMINATED, CONTRACT_SUPERSEDED, CONTRACT_EXPIRED, CONTRACT_WORK_CANCELLED')
  @ApiProblem(404, 'CONTRACT_NOT_FOUND (or not yours)')
  terminate(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: TerminateContractDto,
  ): Promise<ContractResponse> {
    return this.contracts.terminate(ctx, id, dto);
  }
}
