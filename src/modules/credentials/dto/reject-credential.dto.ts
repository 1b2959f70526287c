import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

export class RejectCredentialDto {
  @ApiProperty({
    example: 'Todistuksesta puuttuu koulutuksen järjestäjän allekirjoitus.',
    minLength: 1,
    maxLength: 500,
    description: 'Sent to the expert as written',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 500)
  reason: string;
}
