import { FinnishSSN } from 'finnish-ssn';
import { parsePersonalIdentityCode } from './personal-identity-code';

// What this product relies on finnish-ssn for. Check characters worked out by hand with the rule (DDMMYYZZZ
// mod 31 indexed into 0123456789ABCDEFHJKLMNPRSTUVWXY) with a node one-liner, not with the library.
describe('finnish-ssn', () => {
  // 010594123 mod 31 = 28 -> W (1900s); 010105123 mod 31 = 22 -> P (2000s).
  it.each(['-', 'Y', 'X', 'W', 'V', 'U'])('knows the 1900s century sign %s', (sign) => {
    expect(FinnishSSN.validate(`010594${sign}123W`)).toBe(true);
    expect(FinnishSSN.parse(`010594${sign}123W`).dateOfBirth.getFullYear()).toBe(1994);
  });

  it.each(['A', 'B', 'C', 'D', 'E', 'F'])('knows the 2000s century sign %s', (sign) => {
    expect(FinnishSSN.validate(`010105${sign}123P`)).toBe(true);
    expect(FinnishSSN.parse(`010105${sign}123P`).dateOfBirth.getFullYear()).toBe(2005);
  });

  it.each(['G', 'Z', 'T', '*'])('refuses the sign %s', (sign) => {
    expect(FinnishSSN.validate(`010594${sign}123W`)).toBe(false);
  });

  // 010129123 mod 31 -> W; 010130123 mod 31 -> 5.
  it('takes the 2000s signs for births up to 2029 only, which the product reports as a wrong date', () => {
    expect(parsePersonalIdentityCode('010129A123W')).toEqual({
      valid: true,
      dateOfBirth: '2029-01-01',
      normalised: '010129A123W',
    });
    expect(parsePersonalIdentityCode('010130A1235')).toEqual({ valid: false, reason: 'date' });
  });
});
