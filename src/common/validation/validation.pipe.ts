import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '../errors/domain-error';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: constraint === 'whitelistValidation' ? 'unknownField' : constraint,
      message: constraint === 'whitelistValidation' ? `${field} is not a known field` : message,
    }));
    return own.concat(flatten(error.children ?? [], field));
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const detail = fields.map((f) => f.message).join('; ');
      return new DomainError('VALIDATION_FAILED', 'validation', detail || 'The request is invalid', fields);
    },
  });
}
