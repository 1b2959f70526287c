import { ValidationPipe } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { ValidationError, ValidatorOptions } from 'class-validator';
import { DomainError, DomainErrorCode, FieldError } from '../errors/domain-error';

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
  return new DomainError(DomainErrorCode.ValidationFailed, 'validation', detail || 'The request is invalid', fields);
}

function isDto(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.constructor !== Object;
}

function nested(property: string, children: ValidationError[]): ValidationError[] {
  return children.length > 0 ? [Object.assign(new ValidationError(), { property, children, constraints: {} })] : [];
}

// Null is a value only where the API description says so (`nullable: true`); anywhere else it would
// slip past @IsOptional() into a NOT NULL column or a service that reads a field of it.
export function nullErrors(dto: object): ValidationError[] {
  return Object.entries(dto).flatMap(([property, value]): ValidationError[] => {
    if (value === null) {
      const documented = Reflect.getMetadata(
        DECORATORS.API_MODEL_PROPERTIES,
        Object.getPrototypeOf(dto) as object,
        property,
      ) as { nullable?: boolean } | undefined;
      if (documented?.nullable) return [];
      const constraints = { isNotNull: `${property} must not be null` };
      return [Object.assign(new ValidationError(), { property, constraints, children: [] })];
    }
    if (Array.isArray(value)) {
      return nested(
        property,
        value.flatMap((item: unknown, i) => (isDto(item) ? nested(String(i), nullErrors(item)) : [])),
      );
    }
    return isDto(value) ? nested(property, nullErrors(value)) : [];
  });
}

// A field that already failed its own checks is not named twice for being null; nested ones are merged
// level by level.
function merge(errors: ValidationError[], more: ValidationError[]): ValidationError[] {
  const merged = [...errors];
  for (const extra of more) {
    const same = merged.find((e) => e.property === extra.property);
    if (!same) merged.push(extra);
    else if (extra.children?.length) same.children = merge(same.children ?? [], extra.children);
  }
  return merged;
}

class KokemusValidationPipe extends ValidationPipe {
  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    return merge(await super.validate(object, options), nullErrors(object));
  }
}

export function createValidationPipe(): ValidationPipe {
  return new KokemusValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
