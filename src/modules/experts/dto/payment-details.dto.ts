import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEnum,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDecimal } from '../../../common/validation/is-decimal.decorator';
import {
  IsFinnishBusinessId,
  IsFinnishIdentityCode,
  IsIban,
} from '../../../common/validation/finnish-identifier.decorators';
import { Payee } from '../entities/payment-details.entity';

export class AssociationDto {
  @ApiProperty({ example: 'Mielenterveysyhdistys Vaasa ry', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: '1572860-0' })
  @IsFinnishBusinessId()
  businessId: string;

  @ApiProperty({ example: 'FI21 1234 5600 0007 85' })
  @IsIban()
  iban: string;
}

// Replaces the payment details as a whole; omitted secrets keep their stored value.
export class PaymentDetailsDto {
  @ApiPropertyOptional({ example: 'FI21 1234 5600 0007 85' })
  @IsOptional()
  @IsIban()
  iban?: string;

  @ApiPropertyOptional({ example: '131052-308T', description: 'Finnish personal identity code (henkilötunnus)' })
  @IsOptional()
  @IsFinnishIdentityCode()
  identityCode?: string;

  @ApiPropertyOptional({
    maximum: 100,
    minimum: 0,
    type: Number,
    nullable: true,
    example: 12.5,
    description: 'Withholding % from the tax card',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDecimal(2)
  @Min(0)
  @Max(100)
  taxPercent?: number | null;

  @ApiPropertyOptional({
    maximum: 2100,
    minimum: 2020,
    type: Number,
    nullable: true,
    example: 2026,
    description: 'Required with taxPercent, and given only with it (400 taxCardYear withTaxPercent otherwise)',
  })
  // Checked whenever it is given: a year with no percentage is refused by the service, never stored or ignored.
  @ValidateIf(
    (o: PaymentDetailsDto) =>
      (o.taxPercent !== undefined && o.taxPercent !== null) || (o.taxCardYear !== undefined && o.taxCardYear !== null),
  )
  @IsInt()
  @Min(2020)
  @Max(2100)
  taxCardYear?: number | null;

  @ApiProperty({ enum: Payee, enumName: 'Payee' })
  @IsEnum(Payee)
  payee: Payee;

  @ApiPropertyOptional({ description: 'Volunteer work: the fee is declined; travel costs are still paid' })
  @IsOptional()
  @IsBoolean()
  declinesFee?: boolean;

  @ApiPropertyOptional({
    type: AssociationDto,
    description: 'Required when payee is association, and given only then (400 association onlyForAssociation)',
  })
  @ValidateIf((o: PaymentDetailsDto) => o.payee === Payee.Association || o.association !== undefined)
  @IsDefined({ message: 'association is required when payee is association' })
  // ValidateNested alone lets an array through (it validates each element, of none).
  @IsObject({ message: 'association must be an object with name, businessId and iban' })
  @ValidateNested()
  @Type(() => AssociationDto)
  association?: AssociationDto;
}
