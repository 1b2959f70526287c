import { inspectInput, jsonDepthExceeds } from './well-formed-input';

describe('JSON depth before parsing', () => {
  it.each([
    ['a flat object', '{"a":1}', 1, false],
    ['exactly the limit', '[[[]]]', 3, false],
    ['one past the limit', '[[[[]]]]', 3, true],
    ['brackets inside a string', '{"a":"[[[[[[[["}', 2, false],
    ['an escaped quote inside a string', '{"a":"\\"[[[[[["}', 2, false],
    ['an escaped backslash before the closing quote', '{"a":"\\\\","b":[[[[]]]]}', 3, true],
    ['siblings that never nest', '[[],[],[],[]]', 2, false],
  ])('%s', (_label, text, max, exceeds) => {
    expect(jsonDepthExceeds(text, max)).toBe(exceeds);
  });
});

describe('well-formed text in any input', () => {
  it('names each field holding a control character or a lone surrogate, nested ones by their path', () => {
    const faults = inspectInput({ name: 'a\u0000', trips: [{ from: 'x\ud800' }], note: '\udc00' });
    expect(faults.map((f) => `${f.field}:${f.code}`)).toEqual([
      'name:controlCharacter',
      'note:illFormedUnicode',
      'trips.0.from:illFormedUnicode',
    ]);
  });

  it('keeps tab, newlines, emoji and Nordic letters', () => {
    expect(inspectInput({ note: 'Rivi 1\r\nRivi 2\tÅÄÖ åäö 💥' })).toEqual([]);
  });

  it.each([['\u007f'], ['\u0085'], ['\u001b'], ['\u000b']])('refuses the control character %j', (char) => {
    expect(inspectInput({ a: `x${char}` })).toEqual([
      expect.objectContaining({ field: 'a', code: 'controlCharacter' }),
    ]);
  });

  it('names a key that is itself ill-formed, printably', () => {
    expect(inspectInput({ 'a\u0000': 1 })).toEqual([
      expect.objectContaining({ field: 'a\ufffd', code: 'controlCharacter' }),
    ]);
  });

  it('lowers upper-case UUIDs in place and leaves other text as it is', () => {
    const input = {
      id: 'ABCDEF01-2345-4789-ABCD-EF0123456789',
      ids: ['ABCDEF01-2345-4789-ABCD-EF0123456789'],
      title: 'ABC',
    };
    inspectInput(input);
    expect(input).toEqual({
      id: 'abcdef01-2345-4789-abcd-ef0123456789',
      ids: ['abcdef01-2345-4789-abcd-ef0123456789'],
      title: 'ABC',
    });
  });
});
