import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

// A whole number sent as text (a query string, a multipart form field): plain decimal digits only. Anything else
// ('0x10', '1e2', ' 12', '') stays text, so that IsInt refuses it, where Number() would have read 16, 100, 12 or 0.
export function IntFromText(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value,
  );
}

// An optional whole number read from a query string, within [min, max]. The decorators are applied bottom first,
// as when stacked above a property, so that the constraints are checked and reported in the same order.
export function QueryInt(min: number, max: number): PropertyDecorator {
  return applyDecorators(Max(max), Min(min), IsInt(), IntFromText(), IsOptional());
}
