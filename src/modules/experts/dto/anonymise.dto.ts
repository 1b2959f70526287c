import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ReasonDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Erasure requested by the expert (GDPR art. 17)' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
