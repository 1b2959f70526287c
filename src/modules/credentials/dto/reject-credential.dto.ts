import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Trimmed } from '../../../common/validation/text.decorators';

export class RejectCredentialDto {
  @ApiProperty({
    example: 'Todistuksesta puuttuu koulutuksen järjestäjän allekirjoitus.',
    minLength: 1,
    maxLength: 500,
    description: 'Sent to the expert as written',
  })
  @Trimmed()
  @IsString()
  @Length(1, 500)
  reason: string;
}
