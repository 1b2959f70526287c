import { ApiProperty } from '@nestjs/swagger';
import { CreateCredentialDto } from './create-credential.dto';

// The multipart body as documented: the fields, and the certificate as a binary part.
export class CreateCredentialForm extends CreateCredentialDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'PDF, JPEG or PNG, at most 5 MB; the type is read from the bytes',
  })
  file: unknown;
}
