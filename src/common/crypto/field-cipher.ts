import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface FieldKey {
  id: string;
  key: Buffer;
}

// Stored format: v1.<keyId>.<iv>.<ciphertext>.<tag>, the last three base64url without padding.
// The key id says which key decrypts, so old rows keep working while keys rotate.
const VERSION = 'v1';
const BINARY_VERSION = 'b1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9-]{1,16}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

// Messages name at most the key id, never the stored value, the plaintext, the context or a key.
export class FieldCipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldCipherError';
  }
}

interface Envelope {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export class FieldCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly current: FieldKey;

  constructor(keys: FieldKey[]) {
    if (keys.length === 0) throw new FieldCipherError('At least one field encryption key is required');
    const map = new Map<string, Buffer>();
    for (const { id, key } of keys) {
      // An invalid id is not echoed: it may be a key pasted in the wrong place.
      if (!KEY_ID.test(id)) throw new FieldCipherError(`Field encryption key ids must match ${KEY_ID}`);
      if (key.length !== KEY_BYTES) throw new FieldCipherError(`Field encryption key "${id}" must be 32 bytes`);
      if (map.has(id)) throw new FieldCipherError(`Field encryption key id "${id}" is given twice`);
      map.set(id, Buffer.from(key));
    }
    this.keys = map;
    this.current = { id: keys[0].id, key: Buffer.from(keys[0].key) };
  }

  // context names the row and field (e.g. 'expert:<uuid>:iban'); it is authenticated, not stored,
  // so a value copied to another row or field no longer decrypts.
  encrypt(plain: string, context: string): string {
    requireContext(context);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(this.current.id, context));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.current.id, b64(iv), b64(ciphertext), b64(tag)].join('.');
  }

  decrypt(stored: string, context: string): string {
    requireContext(context);
    const envelope = parse(stored);
    const key = this.keys.get(envelope.keyId);
    if (!key) throw new FieldCipherError(`Cannot decrypt field: unknown key id "${envelope.keyId}"`);
    const decipher = createDecipheriv(ALGORITHM, key, envelope.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(envelope.keyId, context));
    decipher.setAuthTag(envelope.tag);
    try {
      return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldCipherError('Cannot decrypt field: authentication failed (wrong context or key, or tampered)');
    }
  }

  // The same scheme for a file (a payroll export of several MB): bytes in, bytes out, so the file never
  // passes through a string. Stored format: "b1.<keyId>." in ASCII, then the 12-byte iv, the 16-byte tag
  // and the ciphertext. The AAD says b1, so a binary value can never pass as a v1 text value or back.
  encryptBytes(chunks: readonly Buffer[], context: string): Buffer {
    requireContext(context);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(this.current.id, context, BINARY_VERSION));
    const body = chunks.map((chunk) => cipher.update(chunk));
    body.push(cipher.final());
    const header = Buffer.from(`${BINARY_VERSION}.${this.current.id}.`, 'ascii');
    return Buffer.concat([header, iv, cipher.getAuthTag(), ...body]);
  }

  decryptBytes(stored: Buffer, context: string): Buffer {
    requireContext(context);
    const second = stored.indexOf(0x2e, BINARY_VERSION.length + 1);
    const keyId = second > 0 ? stored.subarray(BINARY_VERSION.length + 1, second).toString('ascii') : '';
    const start = second + 1;
    if (
      stored.subarray(0, BINARY_VERSION.length + 1).toString('ascii') !== `${BINARY_VERSION}.` ||
      !KEY_ID.test(keyId) ||
      stored.length < start + IV_BYTES + TAG_BYTES
    ) {
      throw new FieldCipherError('Cannot decrypt file: the stored value is not in the b1 field cipher format');
    }
    const key = this.keys.get(keyId);
    if (!key) throw new FieldCipherError(`Cannot decrypt file: unknown key id "${keyId}"`);
    const decipher = createDecipheriv(ALGORITHM, key, stored.subarray(start, start + IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad(keyId, context, BINARY_VERSION));
    decipher.setAuthTag(stored.subarray(start + IV_BYTES, start + IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(stored.subarray(start + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new FieldCipherError('Cannot decrypt file: authentication failed (wrong context or key, or tampered)');
    }
  }

  // True when the value was encrypted under a key other than the current (first) one.
  needsRotation(stored: string): boolean {
    return parse(stored).keyId !== this.current.id;
  }
}

// HMAC-SHA256 (hex) of the normalised value, for equality lookups (duplicate identity codes) without
// decrypting. The HMAC key is derived with HKDF so the encryption key is never used for two purposes.
// Pass the current (first) encryption key; rotating it changes every hash, so a rotation re-hashes too.
export function fieldHash(value: string, key: Buffer): string {
  if (key.length !== KEY_BYTES) throw new FieldCipherError('Field hash key must be 32 bytes');
  const hashKey = Buffer.from(hkdfSync('sha256', key, 'kokemus', 'kokemus:field-hash:v1', KEY_BYTES));
  return createHmac('sha256', hashKey).update(normaliseForHash(value), 'utf8').digest('hex');
}

function normaliseForHash(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, '').toUpperCase();
}

function requireContext(context: string): void {
  if (!context) throw new FieldCipherError('A field encryption context is required');
}

// Version and key id are authenticated too, so no part of the header can be swapped.
function aad(keyId: string, context: string, version = VERSION): Buffer {
  return Buffer.from(`${version}.${keyId}.${context}`, 'utf8');
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64url');
}

function parse(stored: string): Envelope {
  const parts = typeof stored === 'string' ? stored.split('.') : [];
  const [version, keyId, iv, ciphertext, tag] = parts;
  if (parts.length !== 5 || version !== VERSION || !KEY_ID.test(keyId)) throw malformed();
  const envelope = { keyId, iv: fromB64(iv), ciphertext: fromB64(ciphertext), tag: fromB64(tag) };
  if (envelope.iv.length !== IV_BYTES || envelope.tag.length !== TAG_BYTES) throw malformed();
  return envelope;
}

// Buffer.from(..., 'base64url') skips characters it does not know; only canonical text is accepted,
// so one ciphertext has exactly one stored spelling.
function fromB64(text: string): Buffer {
  if (!BASE64URL.test(text)) throw malformed();
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw malformed();
  return bytes;
}

function malformed(): FieldCipherError {
  return new FieldCipherError('Cannot decrypt field: the stored value is not in the v1 field cipher format');
}
