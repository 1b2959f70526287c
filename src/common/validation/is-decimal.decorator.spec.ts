import { validateSync } from 'class-validator';
import { decimalPlaces, IsDecimal } from './is-decimal.decorator';

class Hours {
  @IsDecimal(2)
  hours: unknown;
}

function codes(hours: unknown): string[] {
  return validateSync(Object.assign(new Hours(), { hours })).flatMap((e) => Object.keys(e.constraints ?? {}));
}

describe('decimal validation', () => {
  it.each([
    [1, 0],
    [24.5, 1],
    [0.25, 2],
    [1e-7, 7],
    [1.5e-7, 8],
    [1e21, 0],
    [-0.01, 2],
  ])('counts the decimals of %p as %p', (value, places) => {
    expect(decimalPlaces(value)).toBe(places);
  });

  it.each([[0], [0.25], [40], [12.5]])('accepts %p', (value) => {
    expect(codes(value)).toEqual([]);
  });

  it.each([[1e-7], [0.125], [Number.NaN], [Number.POSITIVE_INFINITY], ['1'], [null], [{}]])(
    'refuses %p without throwing',
    (value) => {
      expect(codes(value)).toEqual(['isNumber']);
    },
  );
});
