import { etagMatches } from './contract-pdf.response';

describe('etagMatches', () => {
  const sha = 'a'.repeat(64);

  it.each([
    [undefined, false],
    ['', false],
    [`"${sha}"`, true],
    [`W/"${sha}"`, true],
    [`"${'b'.repeat(64)}", "${sha}"`, true],
    ['*', true],
    [sha, false],
    [`"${'b'.repeat(64)}"`, false],
  ])('If-None-Match %p → %p', (header, expected) => {
    expect(etagMatches(header, sha)).toBe(expected);
  });
});
