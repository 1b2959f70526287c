import { validate } from 'class-validator';
import { IsFinnishBusinessId, IsFinnishIdentityCode, IsIban } from './finnish-identifier.decorators';

class PayeeDto {
  @IsIban()
  iban: unknown;

  @IsFinnishIdentityCode()
  identityCode: unknown;

  @IsFinnishBusinessId()
  businessId: unknown;
}

class EachDto {
  @IsIban({ each: true })
  ibans: unknown;
}

const VALID = { iban: 'FI21 1234 5600 0007 85', identityCode: '131052-308T', businessId: '0737546-2' };

function payee(values: Partial<PayeeDto>): PayeeDto {
  return Object.assign(new PayeeDto(), VALID, values);
}

describe('Finnish identifier decorators', () => {
  it('accept valid values', async () => {
    await expect(validate(payee({}))).resolves.toEqual([]);
  });

  it('refuse invalid values with the property named, a stable code and no value in the message', async () => {
    const invalid = { iban: 'FI21 1234 5600 0007 86', identityCode: '131052-308U', businessId: '0737546-3' };
    const errors = await validate(payee(invalid));
    expect(errors.map((e) => [e.property, e.constraints])).toEqual([
      ['iban', { isIban: 'iban must be a valid IBAN' }],
      ['identityCode', { isIdentityCode: 'identityCode must be a valid Finnish personal identity code' }],
      ['businessId', { isBusinessId: 'businessId must be a valid Finnish business ID (1234567-8)' }],
    ]);
    const messages = errors.flatMap((e) => Object.values(e.constraints ?? {})).join('\n');
    for (const value of Object.values(invalid)) expect(messages).not.toContain(value);
  });

  it.each([[undefined], [null], [12345], [{}]])('refuse the non-string %p', async (value) => {
    const errors = await validate(payee({ iban: value, identityCode: value, businessId: value }));
    const codes = errors.map((e) => Object.keys(e.constraints ?? {}));
    expect(codes).toEqual([['isIban'], ['isIdentityCode'], ['isBusinessId']]);
  });

  it('take a custom message', async () => {
    class CustomDto {
      @IsIban({ message: 'tilinumero ei kelpaa' })
      iban = 'FI00';
    }
    const [error] = await validate(new CustomDto());
    expect(error.constraints).toEqual({ isIban: 'tilinumero ei kelpaa' });
  });

  it('validate each element of an array when asked', async () => {
    const dto = Object.assign(new EachDto(), { ibans: ['FI2112345600000785', 'FI2112345600000786'] });
    const [error] = await validate(dto);
    expect(error.constraints).toEqual({ isIban: 'each value in ibans must be a valid IBAN' });
  });
});
