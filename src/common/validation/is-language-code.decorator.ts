import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';

// ICU (built into Node) knows the ISO 639 language codes: an unknown code is echoed back unchanged.
const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

export function isLanguageCode(value: unknown): boolean {
  return typeof value === 'string' && /^[a-z]{2,3}$/.test(value) && names.of(value) !== value;
}

export function IsLanguageCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLanguageCode',
      validator: {
        validate: isLanguageCode,
        defaultMessage: buildMessage(
          (each) => `${each}$property must contain ISO 639-1 language codes such as fi, sv, en`,
          options,
        ),
      },
    },
    options,
  );
}
