import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

// A number sent as text (a query string, a multipart form field), read only when written in decimal notation
// ('480', '-1', '1e308'). Anything else ('0x10', '0b1', ' 12', '') stays text, so that IsInt refuses it, where
// Number() would have read 16, 1, 12 or 0.
export function IntFromText(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value) ? Number(value) : value,
  );
}

// An optional whole number read from a query string, within [min, max]. The decorators are applied bottom first,
// as when stacked above a property, so that the constraints are checked and reported in the same order.
export function QueryInt(min: number, max: number): PropertyDecorator {
  return applyDecorators(Max(max), Min(min), IsInt(), IntFromText(), IsOptional());
}
