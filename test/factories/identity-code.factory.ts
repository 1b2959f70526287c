import { randomInt } from 'node:crypto';

const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

export interface IdentityCode {
  code: string;
  // YYYY-MM-DD, as the code tells it.
  dateOfBirth: string;
}

// A valid Finnish personal identity code of someone born in the 1900s, with a random date of birth and
// individual number, so that a spec run again on the same database never meets its own earlier code (identity
// codes are unique across experts). The check character is a letter other than A–F and T, so that the code's
// last four characters cannot turn up by chance in a log line (hexadecimal ids, ISO times).
export function uniqueIdentityCode(centuryMark: '-' | 'Y' | 'X' | 'W' | 'V' | 'U' = '-'): IdentityCode {
  for (;;) {
    const year = 1930 + randomInt(0, 70);
    const month = String(randomInt(1, 13)).padStart(2, '0');
    const day = String(randomInt(1, 29)).padStart(2, '0');
    const individual = String(randomInt(2, 900)).padStart(3, '0');
    const check = CHECK[Number(`${day}${month}${String(year).slice(2)}${individual}`) % 31];
    if (/[0-9A-FT]/.test(check)) continue;
    return {
      code: `${day}${month}${String(year).slice(2)}${centuryMark}${individual}${check}`,
      dateOfBirth: `${year}-${month}-${day}`,
    };
  }
}
