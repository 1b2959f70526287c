import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, Length } from 'class-validator';
import { IsTopicCode } from '../../../common/validation/code.decorators';

export class SetTopicsDto {
  @ApiProperty({
    maxItems: 13,
    type: [String],
    example: ['mental_health', 'family_carer'],
    description: 'Codes from GET /topics',
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(13)
  @IsTopicCode({ each: true })
  topics: string[];

  @ApiProperty({
    minLength: 1,
    maxLength: 20,
    example: 'topics-v1',
    description: 'The version of the consent text the expert accepted',
  })
  @IsString()
  @Length(1, 20)
  consentVersion: string;
}
