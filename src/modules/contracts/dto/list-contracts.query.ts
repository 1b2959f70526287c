import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { ContractStatus } from '../entities/contract.entity';

export class ListContractsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ContractStatus, enumName: 'ContractStatus' })
  @IsOptional()
  @IsEnum(ContractStatus)
  status?: ContractStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Coordinator only; an expert always sees their own' })
  @IsOptional()
  @IsUUID()
  expertId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The ordering unit or project' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Contracts (every version) covering this assignment' })
  @IsOptional()
  @IsUUID()
  assignmentId?: string;
}
