import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

// IBAN, checked by ibantools.

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
