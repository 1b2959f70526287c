import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { DomainError, fieldError } from '../../common/errors/domain-error';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// Only the common-password list and keyboard patterns: passphrases of ordinary words stay allowed.
const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooCommon';

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  tooShort: 'must be at least 12 characters',
  tooLong: 'must be at most 128 characters',
  tooCommon: 'is too common or too easy to guess; choose another',
};

export function checkPassword(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'tooShort';
  if (length > PASSWORD_MAX) return 'tooLong';
  if (estimator.check(password).score < 2) return 'tooCommon';
  return null;
}

// The same policy wherever a password is set (invitation, reset, change), named by the field that carries it.
export function passwordPolicyError(field: string, password: string): DomainError | null {
  const problem = checkPassword(password);
  return problem ? fieldError(field, problem, `${field} ${PASSWORD_MESSAGES[problem]}`) : null;
}
