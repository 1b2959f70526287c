import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

// An optional whole number read from a query string, within [min, max]. The decorators are applied bottom first,
// as when stacked above a property, so that the constraints are checked and reported in the same order.
export function QueryInt(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Max(max),
    Min(min),
    IsInt(),
    Type(() => Number),
    IsOptional(),
  );
}
