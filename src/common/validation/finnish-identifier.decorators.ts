import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';
import { isValidBusinessId, isValidIban, isValidPersonalIdentityCode } from './finnish-identifiers';

// The constraint names are the error codes clients see in the validation problem body.
export const IS_IBAN = 'isIban';
export const IS_IDENTITY_CODE = 'isIdentityCode';
export const IS_BUSINESS_ID = 'isBusinessId';

// These accept what a person types (spaces, lower case); the service stores normaliseIban(value)
// or parsePersonalIdentityCode(value).normalised. Messages never include the value.
export function IsIban(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_IBAN,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidIban(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a valid IBAN`, options),
      },
    },
    options,
  );
}

export function IsFinnishIdentityCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_IDENTITY_CODE,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidPersonalIdentityCode(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a valid Finnish personal identity code`,
          options,
        ),
      },
    },
    options,
  );
}

export function IsFinnishBusinessId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_BUSINESS_ID,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidBusinessId(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a valid Finnish business ID (1234567-8)`,
          options,
        ),
      },
    },
    options,
  );
}
