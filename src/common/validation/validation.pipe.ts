import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '../errors/domain-error';

// class-validator's nested errors as one flat list of fields; shared with forms that are not JSON bodies
// (multipart uploads), so every 400 names its fields the same way.
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: constraint === 'whitelistValidation' ? 'unknownField' : constraint,
      message: constraint === 'whitelistValidation' ? `${field} is not a known field` : message,
    }));
    return own.concat(flattenValidationErrors(error.children ?? [], field));
  });
}

export function validationFailed(fields: FieldError[]): DomainError {
  const detail = fields.map((f) => f.message).join('; ');
  return new DomainError('VALIDATION_FAILED', 'validation', detail || 'The request is invalid', fields);
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
