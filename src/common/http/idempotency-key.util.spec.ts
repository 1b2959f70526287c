import { DomainError } from '../errors/domain-error';
import { idempotencyKey } from './idempotency-key.util';

describe('the Idempotency-Key header', () => {
  it('is optional, and kept as sent', () => {
    expect(idempotencyKey(undefined)).toBeUndefined();
    expect(idempotencyKey('0b6e3c1e-6a1f-4f55-9b53-2c2a1f0d8d6e')).toBe('0b6e3c1e-6a1f-4f55-9b53-2c2a1f0d8d6e');
    expect(idempotencyKey('k'.repeat(128))).toHaveLength(128);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(129)],
    ['repeated (joined)', 'a, b'],
    ['with a NUL byte', 'a\u0000b'],
    ['not ASCII', 'avain-ä'],
  ])('refuses one %s, naming the header', (_, raw) => {
    let thrown: unknown;
    try {
      idempotencyKey(raw);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'Idempotency-Key', code: 'matches' }],
    });
  });
});
