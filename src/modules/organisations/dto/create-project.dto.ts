import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CreateUnitDto } from './create-unit.dto';

export class CreateProjectDto extends CreateUnitDto {
  @ApiProperty({ format: 'uuid', description: 'The unit that owns the project' })
  @IsUUID()
  ownerUnitId: string;
}
