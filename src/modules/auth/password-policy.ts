import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// Only the common-password list and keyboard patterns: passphrases of ordinary words stay allowed.
const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooCommon';

export function checkPassword(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'tooShort';
  if (length > PASSWORD_MAX) return 'tooLong';
  if (estimator.check(password).score < 2) return 'tooCommon';
  return null;
}
