import { Body, Get, Injectable, Patch, Post, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { IdParam } from '../../common/validation/parse-uuid.pipe';
import { CreateProjectDto } from './dto/create-project.dto';
import { CreateUnitDto } from './dto/create-unit.dto';
import { OrganisationResponse } from './dto/organisation.response';
import { UpdateProjectDto, UpdateUnitDto } from './dto/update-organisation.dto';
import { OrganisationKind } from './entities/organisation.entity';
import { OrganisationsService } from './organisations.service';

const MANAGERS = [Role.Admin, Role.Coordinator];
const READERS = [Role.Admin, Role.Coordinator, Role.Orderer];

interface KindWords {
  one: string;
  many: string;
}

// The routes of units and of projects: the same four for either kind, each kind with its own body types and words.
export function OrganisationKindController(
  kind: OrganisationKind,
  words: KindWords,
  bodies: { create: Type<CreateUnitDto | CreateProjectDto>; update: Type<UpdateUnitDto | UpdateProjectDto> },
) {
  const Many = words.many.charAt(0).toUpperCase() + words.many.slice(1);
  // What a create or a change refuses besides its body's shape.
  const refused =
    kind === OrganisationKind.Project
      ? 'OWNER_UNIT_NOT_FOUND (field ownerUnitId), activeUntil before activeFrom, or VALIDATION_FAILED'
      : 'activeUntil before activeFrom, or VALIDATION_FAILED';
  const codeTaken = 'ORGANISATION_CODE_TAKEN (field code, code taken): another unit or project has this code';

  // Decorated so that its constructor's parameter types are emitted for the injector.
  @Injectable()
  abstract class KindController {
    constructor(private readonly service: OrganisationsService) {}

    @ApiOperation({ summary: `Create a ${words.one}` })
    @Post()
    @Authenticated({ roles: MANAGERS })
    @ApiCreatedResponse({ type: OrganisationResponse })
    @ApiProblem(400, refused)
    @ApiProblem(409, codeTaken)
    create(
      @CurrentUser() ctx: AuthContext,
      @Body() dto: CreateUnitDto | CreateProjectDto,
    ): Promise<OrganisationResponse> {
      return this.service.create(ctx, kind, dto);
    }

    @ApiOperation({ summary: Many })
    @Get()
    @Authenticated({ roles: READERS })
    @ApiOkResponse({
      type: [OrganisationResponse],
      description: `An orderer gets only the ${words.many} they belong to`,
    })
    list(@CurrentUser() ctx: AuthContext): Promise<OrganisationResponse[]> {
      return this.service.list(ctx, kind);
    }

    @ApiOperation({ summary: `One ${words.one}` })
    @Get(':id')
    @Authenticated({ roles: READERS })
    @ApiOkResponse({ type: OrganisationResponse })
    @ApiProblem(404, 'ORGANISATION_NOT_FOUND (or not one of the caller’s)')
    get(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<OrganisationResponse> {
      return this.service.get(ctx, kind, id);
    }

    @ApiOperation({ summary: `Change a ${words.one}` })
    @Patch(':id')
    @Authenticated({ roles: MANAGERS })
    @ApiOkResponse({ type: OrganisationResponse })
    @ApiProblem(400, refused)
    @ApiProblem(404, 'ORGANISATION_NOT_FOUND')
    @ApiProblem(409, codeTaken)
    update(
      @CurrentUser() ctx: AuthContext,
      @IdParam() id: string,
      @Body() dto: UpdateUnitDto | UpdateProjectDto,
    ): Promise<OrganisationResponse> {
      return this.service.update(ctx, kind, id, dto);
    }
  }

  // A body typed by a union reflects as Object: the validation pipe and the OpenAPI document read the kind's own
  // class from the parameter types, so they are set here.
  bodyType(KindController.prototype, 'create', 1, bodies.create);
  bodyType(KindController.prototype, 'update', 2, bodies.update);
  return KindController;
}

function bodyType(prototype: object, method: string, index: number, type: Type): void {
  const types = [...(Reflect.getMetadata('design:paramtypes', prototype, method) as unknown[])];
  types[index] = type;
  Reflect.defineMetadata('design:paramtypes', types, prototype, method);
}
