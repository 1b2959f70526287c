import { createHmac, randomBytes } from 'node:crypto';
import { FieldCipher, FieldCipherError, fieldHash } from './field-cipher';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const IBAN = 'FI2112345600000785';
const CONTEXT = 'expert:5b0f6a52-3f0e-4c55-9d61-0f3c8d6f1a11:iban';

// Flips one bit in the decoded bytes of a part, so the change is real (editing the last base64url
// character may only touch padding bits).
function tamper(stored: string, part: 2 | 3 | 4): string {
  const parts = stored.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('FieldCipher', () => {
  const cipher = new FieldCipher([k1]);

  it('decrypts what it encrypted', () => {
    const stored = cipher.encrypt(IBAN, CONTEXT);
    expect(cipher.decrypt(stored, CONTEXT)).toBe(IBAN);
  });

  it('round-trips non-ASCII and empty text', () => {
    expect(cipher.decrypt(cipher.encrypt('Åsa Öberg-Ähtäri', CONTEXT), CONTEXT)).toBe('Åsa Öberg-Ähtäri');
    expect(cipher.decrypt(cipher.encrypt('', CONTEXT), CONTEXT)).toBe('');
  });

  it('stores v1.<keyId>.<iv>.<ciphertext>.<tag> with a 12-byte iv and a 16-byte tag, without the plaintext', () => {
    const stored = cipher.encrypt(IBAN, CONTEXT);
    const [version, keyId, iv, ciphertext, tag, ...rest] = stored.split('.');
    expect({ version, keyId, rest }).toEqual({ version: 'v1', keyId: 'k1', rest: [] });
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(ciphertext, 'base64url')).toHaveLength(Buffer.byteLength(IBAN));
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
    expect(stored).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(stored).not.toContain(IBAN);
    expect(stored).not.toContain(CONTEXT);
  });

  it('uses a fresh iv, so two encryptions of the same value differ', () => {
    const a = cipher.encrypt(IBAN, CONTEXT);
    const b = cipher.encrypt(IBAN, CONTEXT);
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it('refuses a value copied to another row or field', () => {
    const stored = cipher.encrypt(IBAN, CONTEXT);
    const error = errorOf(() => cipher.decrypt(stored, 'expert:00000000-0000-4000-8000-000000000000:iban'));
    expect(error).toBeInstanceOf(FieldCipherError);
    expect(error.message).toMatch(/authentication failed/);
    expect(error.message).not.toContain(IBAN);
    expect(() => cipher.decrypt(stored, 'expert:5b0f6a52-3f0e-4c55-9d61-0f3c8d6f1a11:identity-code')).toThrow(
      FieldCipherError,
    );
  });

  it.each([
    ['iv', 2],
    ['ciphertext', 3],
    ['tag', 4],
  ] as const)('refuses a tampered %s', (_name, part) => {
    const stored = cipher.encrypt(IBAN, CONTEXT);
    expect(() => cipher.decrypt(tamper(stored, part), CONTEXT)).toThrow(/authentication failed/);
  });

  it('refuses a value whose key id was swapped to another configured key', () => {
    const both = new FieldCipher([k1, k2]);
    const stored = both.encrypt(IBAN, CONTEXT).replace(/^v1\.k1\./, 'v1.k2.');
    expect(() => both.decrypt(stored, CONTEXT)).toThrow(/authentication failed/);
  });

  it.each([
    ['plaintext', IBAN],
    ['an empty string', ''],
    ['an unknown version', 'v2.k1.AAAAAAAAAAAAAAAA.AA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['too few parts', 'v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['a short tag', 'v1.k1.AAAAAAAAAAAAAAAA.AA.AAAAAAAA'],
    ['non-base64url characters', 'v1.k1.AAAAAAAAAAAAAAAA.A*A.AAAAAAAAAAAAAAAAAAAAAA'],
  ])('refuses %s as malformed without echoing it', (_name, stored) => {
    const error = errorOf(() => cipher.decrypt(stored, CONTEXT));
    expect(error).toBeInstanceOf(FieldCipherError);
    expect(error.message).toMatch(/not in the v1 field cipher format/);
    if (stored) expect(error.message).not.toContain(stored);
  });

  it('refuses a non-canonical base64url spelling', () => {
    const stored = cipher.encrypt('x', CONTEXT);
    const parts = stored.split('.');
    // One ciphertext byte is two base64url characters; the second carries four padding bits.
    const last = parts[3][1];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    parts[3] = parts[3][0] + alphabet[alphabet.indexOf(last) ^ 1];
    expect(Buffer.from(parts[3], 'base64url')).toEqual(Buffer.from(stored.split('.')[3], 'base64url'));
    expect(() => cipher.decrypt(parts.join('.'), CONTEXT)).toThrow(/not in the v1 field cipher format/);
  });

  it('names an unknown key id but not the data', () => {
    const stored = new FieldCipher([{ id: 'retired-2024', key: randomBytes(32) }]).encrypt(IBAN, CONTEXT);
    const error = errorOf(() => cipher.decrypt(stored, CONTEXT));
    expect(error).toBeInstanceOf(FieldCipherError);
    const message = error.message;
    expect(message).toContain('"retired-2024"');
    expect(message).not.toContain(IBAN);
    expect(message).not.toContain(stored.split('.')[3]);
    expect(message).not.toContain(CONTEXT);
  });

  it('requires a context', () => {
    expect(() => cipher.encrypt(IBAN, '')).toThrow(/context is required/);
  });

  describe('key rotation', () => {
    const old = new FieldCipher([k1]);
    const rotated = new FieldCipher([k2, k1]);

    it('decrypts data encrypted under the old key after the new key is put first', () => {
      const stored = old.encrypt(IBAN, CONTEXT);
      expect(rotated.decrypt(stored, CONTEXT)).toBe(IBAN);
    });

    it('encrypts new data under the first key', () => {
      expect(rotated.encrypt(IBAN, CONTEXT)).toMatch(/^v1\.k2\./);
    });

    it('says old data needs rotation and new data does not', () => {
      expect(rotated.needsRotation(old.encrypt(IBAN, CONTEXT))).toBe(true);
      expect(rotated.needsRotation(rotated.encrypt(IBAN, CONTEXT))).toBe(false);
    });

    it('stops decrypting old data once the old key is removed', () => {
      const stored = old.encrypt(IBAN, CONTEXT);
      expect(() => new FieldCipher([k2]).decrypt(stored, CONTEXT)).toThrow(/unknown key id "k1"/);
    });
  });

  describe('configuration', () => {
    it('refuses no keys, a short key, a duplicate id and an id that would break the format', () => {
      expect(() => new FieldCipher([])).toThrow(FieldCipherError);
      expect(() => new FieldCipher([{ id: 'k1', key: randomBytes(16) }])).toThrow(/32 bytes/);
      expect(() => new FieldCipher([k1, { id: 'k1', key: randomBytes(32) }])).toThrow(/given twice/);
      expect(() => new FieldCipher([{ id: 'k.1', key: randomBytes(32) }])).toThrow(FieldCipherError);
    });

    it('does not echo an invalid key id, which may be a misplaced key', () => {
      const secretLooking = randomBytes(32).toString('base64');
      const error = errorOf(() => new FieldCipher([{ id: secretLooking, key: randomBytes(32) }]));
      expect(error).toBeInstanceOf(FieldCipherError);
      expect(error.message).not.toContain(secretLooking);
    });

    it('is not affected when the caller later changes its key buffer', () => {
      const key = randomBytes(32);
      const own = new FieldCipher([{ id: 'k9', key }]);
      const stored = own.encrypt(IBAN, CONTEXT);
      key.fill(0);
      expect(own.decrypt(stored, CONTEXT)).toBe(IBAN);
    });
  });
});

describe('FieldCipher bytes (files)', () => {
  const cipher = new FieldCipher([k1, k2]);
  const FILE = 'fee-run:3f2b9c1e:payroll';
  const csv = [Buffer.from('run_id,iban\r\n'), Buffer.from('r1,FI2112345600000785\r\n'), Buffer.from('r2,Åsa\r\n')];

  it('decrypts what it encrypted, given in chunks', () => {
    const stored = cipher.encryptBytes(csv, FILE);
    expect(cipher.decryptBytes(stored, FILE)).toEqual(Buffer.concat(csv));
    expect(stored.subarray(0, 6).toString('ascii')).toBe('b1.k1.');
    expect(stored.includes(Buffer.from('FI2112345600000785'))).toBe(false);
    expect(stored.length).toBe(6 + 12 + 16 + Buffer.concat(csv).length);
  });

  it('refuses another context, a flipped bit and a text value', () => {
    const stored = cipher.encryptBytes(csv, FILE);
    expect(() => cipher.decryptBytes(stored, 'fee-run:other:payroll')).toThrow(FieldCipherError);
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1] ^= 0x01;
    expect(() => cipher.decryptBytes(tampered, FILE)).toThrow(/authentication failed/);
    expect(() => cipher.decryptBytes(Buffer.from(cipher.encrypt('x', FILE)), FILE)).toThrow(/b1 field cipher format/);
    expect(() => cipher.decryptBytes(Buffer.from('b1.k9.' + 'x'.repeat(40)), FILE)).toThrow(/unknown key id "k9"/);
  });

  it('decrypts a file of an old key after rotation', () => {
    const stored = new FieldCipher([k2]).encryptBytes(csv, FILE);
    expect(cipher.decryptBytes(stored, FILE)).toEqual(Buffer.concat(csv));
  });
});

describe('fieldHash', () => {
  it('is a stable 64-character hex HMAC', () => {
    const hash = fieldHash('131052-308T', k1.key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(fieldHash('131052-308T', k1.key)).toBe(hash);
  });

  it('normalises whitespace and case before hashing', () => {
    expect(fieldHash(' fi21 1234 5600 0007 85 ', k1.key)).toBe(fieldHash('FI2112345600000785', k1.key));
    expect(fieldHash('131052-308t', k1.key)).toBe(fieldHash('131052-308T', k1.key));
  });

  it('tells different values apart', () => {
    expect(fieldHash('131052-308T', k1.key)).not.toBe(fieldHash('010594Y9032', k1.key));
  });

  it('depends on the key', () => {
    expect(fieldHash('131052-308T', k1.key)).not.toBe(fieldHash('131052-308T', k2.key));
  });

  it('does not use the encryption key itself as the HMAC key', () => {
    const direct = createHmac('sha256', k1.key).update('131052-308T').digest('hex');
    expect(fieldHash('131052-308T', k1.key)).not.toBe(direct);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => fieldHash('x', randomBytes(16))).toThrow(/32 bytes/);
  });
});
