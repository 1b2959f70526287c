import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, Length, Matches } from 'class-validator';

export class SetTopicsDto {
  @ApiProperty({ type: [String], example: ['mental_health', 'family_carer'], description: 'Codes from GET /topics' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(13)
  @Matches(/^[a-z_]{2,40}$/, { each: true, message: 'each value in topics must be a topic code' })
  topics: string[];

  @ApiProperty({ example: 'topics-v1', description: 'The version of the consent text the expert accepted' })
  @IsString()
  @Length(1, 20)
  consentVersion: string;
}
