import { ApiProperty } from '@nestjs/swagger';

// The multipart body of a material upload: the file alone.
export class MaterialFields {}

export class MaterialForm {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'PDF, JPEG or PNG, at most 5 MB; the type is read from the bytes',
  })
  file: unknown;
}
