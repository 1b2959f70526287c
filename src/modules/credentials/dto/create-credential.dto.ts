import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsString, Length } from 'class-validator';
import { IsDateOnly } from '../../../common/validation/is-date-only.decorator';
import { TrainingType } from '../entities/training-credential.entity';
import { Trimmed } from '../../../common/validation/text.decorators';

// The text fields of the multipart upload; the certificate itself is the form's `file`.
export class CreateCredentialDto {
  @ApiProperty({
    enum: TrainingType,
    enumName: 'TrainingType',
    description: 'kokemusasiantuntija: the longer expert-by-experience training; kokemustoimija: the shorter one',
  })
  @IsEnum(TrainingType)
  type: TrainingType;

  @ApiProperty({ example: 'Vamia', minLength: 1, maxLength: 200 })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  provider: string;

  @ApiProperty({ example: '2025-05-28', format: 'date', description: 'Not in the future (Europe/Helsinki)' })
  @IsDateOnly()
  completedOn: string;
}
