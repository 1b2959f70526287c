import { ApiPropertyOptional } from '@nestjs/swagger';
import { QueryInt } from '../validation/query-int.decorator';

export const MAX_OFFSET = 1_000_000;

// A page of a list: `limit` rows (1 to `maxLimit`, 50 unless asked) from row `offset`.
function pageQuery(maxLimit: number) {
  class PageQuery {
    @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: maxLimit, default: 50 })
    @QueryInt(1, maxLimit)
    limit = 50;

    // Bounded far below bigint: PostgreSQL refuses an OFFSET beyond it, and no list here is that long.
    @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 })
    @QueryInt(0, MAX_OFFSET)
    offset = 0;
  }
  return PageQuery;
}

export class PageQueryDto extends pageQuery(100) {}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

// The same query for a list whose pages may be longer (up to 200): the candidates of an order, where a coordinator
// compares more at a glance.
export class WidePageQueryDto extends pageQuery(200) {}
