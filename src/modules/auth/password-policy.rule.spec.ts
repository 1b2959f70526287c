import { checkPassword } from './password-policy.rule';

// 128 characters without a repeating pattern.
const LONG = Array.from({ length: 128 }, (_, i) => String.fromCharCode(33 + ((i * 37) % 90))).join('');

describe('checkPassword', () => {
  it.each([
    ['short', 'Abc-123-xyz', 'tooShort'],
    ['exactly 12 and strong', 'Kv9#tr-Laihi', null],
    ['128 characters', LONG, null],
    ['129 characters', LONG + 'x', 'tooLong'],
    ['a common password', 'password1234', 'tooCommon'],
    ['a keyboard walk', 'qwertyuiop123', 'tooCommon'],
    ['one repeated letter', 'aaaaaaaaaaaa', 'tooCommon'],
    ['a passphrase', 'korsholm lake summer ferry', null],
    ['counts letters, not bytes', 'ääääöööåååÄÖ'.slice(0, 11), 'tooShort'],
  ])('%s', (_label, password, expected) => {
    expect(checkPassword(password)).toBe(expected);
  });
});
