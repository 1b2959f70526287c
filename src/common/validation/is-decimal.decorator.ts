import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';

// Decimals as written by JavaScript itself, exponent included: class-validator's maxDecimalPlaces
// splits "1e-7" on the dot and throws.
export function decimalPlaces(value: number): number {
  const [mantissa, exponent] = String(value).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent ?? 0));
}

export function isDecimal(value: unknown, maxDecimalPlaces: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= maxDecimalPlaces;
}

// A finite number with at most so many decimals; bounds are @Min and @Max beside it.
export function IsDecimal(maxDecimalPlaces: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNumber',
      constraints: [maxDecimalPlaces],
      validator: {
        validate: (value: unknown) => isDecimal(value, maxDecimalPlaces),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a number with at most ${maxDecimalPlaces} decimal${maxDecimalPlaces === 1 ? '' : 's'}`,
          options,
        ),
      },
    },
    options,
  );
}
