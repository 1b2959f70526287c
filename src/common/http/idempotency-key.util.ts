import { ApiHeader } from '@nestjs/swagger';
import { fieldError } from '../errors/domain-error';

// The Idempotency-Key request header (draft-ietf-httpapi-idempotency-key-header) of a creation, in the OpenAPI
// document: a key the client makes for one form, sent again with the form after a lost answer, so that the form
// makes one thing, not two. `again`: what a form sent again with the same key does.
export function ApiIdempotencyKey(again: string): MethodDecorator {
  return ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: `A key of your own for this form (a UUID, say; 1 to 128 visible ASCII characters). Sent again with the same key, ${again}.`,
  });
}

const KEY = /^[\x21-\x7e]{1,128}$/;

// The header's value, or undefined without one; a 400 naming the header for anything else (a repeated header
// arrives joined with a comma and a space).
export function idempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!KEY.test(raw))
    throw fieldError('Idempotency-Key', 'matches', 'Idempotency-Key must be 1 to 128 visible ASCII characters');
  return raw;
}
