import type { Multipart } from '@fastify/multipart';
import { applyDecorators, createParamDecorator, ExecutionContext, Type } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FastifyRequest } from 'fastify';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { DomainError, FieldError } from '../../common/errors/domain-error';
import { flattenValidationErrors, validationFailed } from '../../common/validation/validation.pipe';
import { inspectInput } from '../../common/validation/well-formed-input';
import { FileErrors } from './files.errors';

// The file as received. Its declared content type is dropped on purpose: only its bytes say what it is.
export interface Upload {
  field: string;
  fileName: string;
  bytes: Buffer;
}

export interface UploadedForm<T> {
  fields: T;
  file: Upload;
}

interface FormSpec {
  fields: ClassConstructor<object>;
  fileField: string;
}

// A multipart form: the text fields validated against a DTO exactly like a JSON body (VALIDATION_FAILED
// with every field at fault, the missing file among them), and the one file, read within the limits
// registered in configureHttpApp.
export const UploadForm = (fields: ClassConstructor<object>, fileField = 'file'): ParameterDecorator =>
  createParamDecorator((spec: FormSpec, ctx: ExecutionContext) =>
    readUploadForm(ctx.switchToHttp().getRequest<FastifyRequest>(), spec.fields, spec.fileField),
  )({ fields, fileField });

// The OpenAPI description of a route that reads an UploadForm: the form, and the refusals of its file.
export const ApiUploadForm = (form: Type, theFile = 'the file'): MethodDecorator =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({ type: form }),
    ApiProblem(400, 'VALIDATION_FAILED (names each field, the file among them) or MALFORMED_MULTIPART'),
    ApiProblem(413, `FILE_TOO_LARGE: ${theFile} is over 5 MB; TOO_MANY_PARTS: one file and at most 10 fields`),
    ApiProblem(
      415,
      'UNSUPPORTED_FILE_TYPE: the bytes are not a PDF, JPEG or PNG; MULTIPART_REQUIRED: send multipart/form-data',
    ),
  );

export async function readUploadForm<T extends object>(
  request: FastifyRequest,
  dto: ClassConstructor<T>,
  fileField: string,
): Promise<UploadedForm<T>> {
  if (!request.isMultipart()) throw FileErrors.multipartRequired();
  const values: Record<string, unknown> = {};
  const problems: FieldError[] = [];
  let file: Upload | undefined;
  try {
    for await (const part of request.parts()) {
      const upload = await readPart(part, fileField, problems);
      if (upload) file = upload;
      else if (part.type === 'field' && part.fieldname !== fileField) {
        const previous = values[part.fieldname];
        values[part.fieldname] = previous === undefined ? part.value : [previous, part.value].flat();
      }
    }
  } catch (error) {
    throw multipartError(error, fileField);
  }
  problems.push(...inspectInput(values));
  const instance = plainToInstance(dto, values);
  // forbidUnknownValues off: a form of the file alone has a DTO with no fields, which class-validator would call
  // unknown; whitelisting still refuses any field the DTO does not name.
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
  });
  problems.push(...flattenValidationErrors(errors));
  if (!file) problems.push({ field: fileField, code: 'required', message: `${fileField} must be a non-empty file` });
  if (problems.length > 0 || !file) throw validationFailed(problems);
  return { fields: instance, file };
}

// Every part is read to its end, even one that is refused, so the parser reaches the next.
async function readPart(part: Multipart, fileField: string, problems: FieldError[]): Promise<Upload | undefined> {
  if (part.type === 'field') {
    if (part.valueTruncated)
      problems.push({ field: part.fieldname, code: 'maxLength', message: `${part.fieldname} is too long` });
    return undefined;
  }
  const bytes = await part.toBuffer();
  if (part.fieldname !== fileField) {
    problems.push({ field: part.fieldname, code: 'unknownField', message: `${part.fieldname} is not a known field` });
    return undefined;
  }
  // A browser sends an empty part when no file was chosen.
  return bytes.length > 0 ? { field: part.fieldname, fileName: part.filename, bytes } : undefined;
}

// The parser's own errors become the API's: never a 500 for a client's malformed or oversized form.
function multipartError(error: unknown, fileField: string): DomainError {
  if (error instanceof DomainError) return error;
  const { code, part } = error as { code?: string; part?: { fieldname?: string } };
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return FileErrors.tooLarge(part?.fieldname ?? fileField);
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return FileErrors.tooManyParts();
    default:
      return FileErrors.malformed();
  }
}
