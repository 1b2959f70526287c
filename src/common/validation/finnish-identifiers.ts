// The Finnish identifiers, one file each: IBAN (iban.ts), personal identity code (personal-identity-code.ts),
// business ID (business-id.ts).
export { isValidIban, maskIban, normaliseIban } from './iban';
export { isValidPersonalIdentityCode, maskIdentityCode, parsePersonalIdentityCode } from './personal-identity-code';
export type { PersonalIdentityCodeResult } from './personal-identity-code';
export { isValidBusinessId } from './business-id';
