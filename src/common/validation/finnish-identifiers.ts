import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

// --- IBAN ---

// Electronic format: no spaces (or hyphens), upper case. Store this, never what the user typed.
export function normaliseIban(input: string): string {
  return electronicFormatIBAN(input.replace(/\s+/g, '')) ?? '';
}

export function isValidIban(input: string): boolean {
  return typeof input === 'string' && isValidIBAN(normaliseIban(input));
}

// FI21 1234 5600 0007 85 -> FI** **** **** **** 85: only the country code and the last two characters
// stay, grouped by four from the start like the printed form.
export function maskIban(iban: string): string {
  const electronic = normaliseIban(iban);
  const shown = electronic.length >= 6;
  const masked = [...electronic]
    .map((char, i) => (shown && (i < 2 || i >= electronic.length - 2) ? char : '*'))
    .join('');
  return masked.match(/.{1,4}/g)?.join(' ') ?? '';
}

// --- Personal identity code (henkilötunnus), DDMMYYCZZZQ ---

export type PersonalIdentityCodeResult =
  | { valid: true; dateOfBirth: string; normalised: string }
  | { valid: false; reason: 'format' | 'century' | 'date' | 'checksum' };

// '-' and '+' from the start; Y X W V U (1900s) and B C D E F (2000s) added on 1.1.2023.
const CENTURIES: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};
const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

// A wrong individual number (000, 001, 900-999) is reported as 'format'.
export function parsePersonalIdentityCode(input: string): PersonalIdentityCodeResult {
  const normalised = typeof input === 'string' ? input.trim().toUpperCase() : '';
  const match = /^(\d{2})(\d{2})(\d{2})(.)(\d{3})([0-9A-Z])$/.exec(normalised);
  if (!match) return { valid: false, reason: 'format' };
  const [, dd, mm, yy, sign, individual, check] = match;

  const century = CENTURIES[sign];
  if (century === undefined) return { valid: false, reason: 'century' };

  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  // Date rolls 30.02. over to March; a date that does not exist comes back changed.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { valid: false, reason: 'date' };
  }

  // 002-899 are real people; 900-999 are temporary codes given by authorities (e.g. to someone not yet
  // in the population register), which this product does not accept for contracts or fees.
  const number = Number(individual);
  if (number < 2 || number > 899) return { valid: false, reason: 'format' };

  if (CHECK_CHARACTERS[Number(`${dd}${mm}${yy}${individual}`) % 31] !== check) {
    return { valid: false, reason: 'checksum' };
  }
  return { valid: true, dateOfBirth: `${year}-${mm}-${dd}`, normalised };
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

// --- Business ID (Y-tunnus), NNNNNNN-C ---

const BUSINESS_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

// Exactly seven digits, a hyphen and the check digit. Old six-digit forms (written without the leading
// zero) and surrounding spaces are refused rather than repaired, so the stored form is the only form.
export function isValidBusinessId(input: string): boolean {
  if (typeof input !== 'string' || !/^\d{7}-\d$/.test(input)) return false;
  const sum = BUSINESS_ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(input[i]), 0);
  const remainder = sum % 11;
  if (remainder === 1) return false;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return Number(input[8]) === check;
}
