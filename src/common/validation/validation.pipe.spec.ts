import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateIf, ValidateNested } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { createValidationPipe } from './validation.pipe';

class TripDto {
  @ApiProperty()
  @IsString()
  from: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  note?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  to?: string;
}

class ClaimDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  title?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  comment?: string | null;

  @ApiPropertyOptional({ type: [TripDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => TripDto)
  trips?: TripDto[];
}

async function fieldsOf(body: object): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: ClaimDto });
    return [];
  } catch (error) {
    return (error as DomainError).fields.map((f) => `${f.field}:${f.code}`);
  }
}

describe('null in a request body', () => {
  it('is refused for an optional field the API description does not mark nullable', async () => {
    await expect(fieldsOf({ title: null })).resolves.toEqual(['title:isNotNull']);
  });

  it('is taken where the API description marks the field nullable', async () => {
    await expect(fieldsOf({ comment: null, trips: [{ from: 'Vaasa', note: null }] })).resolves.toEqual([]);
  });

  it('is refused inside nested objects, named by its path', async () => {
    await expect(fieldsOf({ trips: [{ from: 'Vaasa' }, { from: null }] })).resolves.toEqual(['trips.1.from:isString']);
  });

  it('is named once when the field fails its own checks too', async () => {
    await expect(fieldsOf({ trips: [{ from: null }] })).resolves.toEqual(['trips.0.from:isString']);
  });

  it('is named beside the other faults of the same nested object', async () => {
    const fields = await fieldsOf({
      title: 5,
      trips: [{ from: 5 }, { from: 'Vaasa', extra: 1 }, { from: 'Vaasa', note: 5 }],
    });
    expect(fields.sort()).toEqual([
      'title:isString',
      'trips.0.from:isString',
      'trips.1.extra:unknownField',
      'trips.2.note:isString',
    ]);
    const withNull = await fieldsOf({ trips: [{ from: 5 }, { from: 'Vaasa', to: null }] });
    expect(withNull.sort()).toEqual(['trips.0.from:isString', 'trips.1.to:isNotNull']);
  });
});
