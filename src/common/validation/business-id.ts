import { FinnishBusinessIds } from 'finnish-business-ids';

// Business ID (Y-tunnus), NNNNNNN-C, checked by finnish-business-ids: exactly seven digits, a hyphen and the
// check digit (weights 7 9 10 5 8 4 2, modulo 11; remainder 1 is never valid). Old six-digit forms (written
// without the leading zero) and surrounding spaces are refused rather than repaired, so the stored form is the
// only form.
export function isValidBusinessId(input: string): boolean {
  return typeof input === 'string' && FinnishBusinessIds.isValidBusinessId(input);
}
