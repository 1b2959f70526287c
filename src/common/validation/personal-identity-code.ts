import { FinnishSSN } from 'finnish-ssn';

// Personal identity code (henkilötunnus), DDMMYYCZZZQ. finnish-ssn checks the date, the century sign and the
// check character; it knows the signs added on 1.1.2023 (Y X W V U for the 1900s, B C D E F for the 2000s,
// beside - + and A; a spec checks each). It takes + only for 1850-1899 and the 2000s signs only for
// 2000-2029 births, which this product never meets otherwise: a code outside those years is refused as 'date'.
// What it does not do is kept here: trimming and upper-casing, refusing the temporary individual numbers,
// and telling why a code is refused.

export type PersonalIdentityCodeResult =
  | { valid: true; dateOfBirth: string; normalised: string }
  | { valid: false; reason: 'format' | 'century' | 'date' | 'checksum' };

const CENTURY_SIGNS = /^[-+A-FU-Y]$/;

// A wrong individual number (000, 001, 900-999) is reported as 'format'.
export function parsePersonalIdentityCode(input: string): PersonalIdentityCodeResult {
  const normalised = typeof input === 'string' ? input.trim().toUpperCase() : '';
  const match = /^\d{6}(.)(\d{3})[0-9A-Z]$/.exec(normalised);
  if (!match) return { valid: false, reason: 'format' };
  const [, sign, individual] = match;
  if (!CENTURY_SIGNS.test(sign)) return { valid: false, reason: 'century' };

  // 002-899 are real people; 900-999 are temporary codes given by authorities (e.g. to someone not yet
  // in the population register), which this product does not accept for contracts or fees.
  const number = Number(individual);
  if (number < 2 || number > 899) return { valid: false, reason: 'format' };

  let parsed: ReturnType<typeof FinnishSSN.parse>;
  try {
    parsed = FinnishSSN.parse(normalised);
  } catch {
    // The shape and the century sign are right here, so what finnish-ssn refuses is the date.
    return { valid: false, reason: 'date' };
  }
  if (!parsed.valid) return { valid: false, reason: 'checksum' };
  // finnish-ssn gives the day of birth at local midnight.
  const born = parsed.dateOfBirth;
  const dateOfBirth = `${born.getFullYear()}-${String(born.getMonth() + 1).padStart(2, '0')}-${String(born.getDate()).padStart(2, '0')}`;
  return { valid: true, dateOfBirth, normalised };
}

export function isValidPersonalIdentityCode(input: string): boolean {
  return parsePersonalIdentityCode(input).valid;
}

// 131052-308T -> 131052-****: date of birth and century sign stay, the individual part is hidden.
// Anything not shaped like an identity code is hidden whole.
export function maskIdentityCode(code: string): string {
  const normalised = typeof code === 'string' ? code.trim().toUpperCase() : '';
  return normalised.length === 11 ? `${normalised.slice(0, 7)}****` : '***********';
}
