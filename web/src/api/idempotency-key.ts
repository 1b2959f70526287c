// A form's own key for what it creates (the API's Idempotency-Key header): the form sent again after its answer was
// lost gets what it made the first time instead of making a second one. From getRandomValues, which unlike
// randomUUID needs no secure context.
export const newIdempotencyKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
