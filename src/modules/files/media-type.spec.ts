import { detectMediaType, MediaType } from './media-type';

const bytes = (...values: number[]) => Buffer.from(values);

describe('detectMediaType', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), MediaType.Pdf],
    ['a JPEG (JFIF)', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46), MediaType.Jpeg],
    ['a JPEG (Exif)', bytes(0xff, 0xd8, 0xff, 0xe1), MediaType.Jpeg],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00), MediaType.Png],
  ])('recognises %s from its first bytes', (_name, input, expected) => {
    expect(detectMediaType(input)).toBe(expected);
  });

  it.each([
    ['plain text', Buffer.from('hello, this is not a PDF')],
    ['an empty file', Buffer.alloc(0)],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a)],
    ['"%PDF" without the dash', Buffer.from('%PDF1.7')],
    ['a PDF signature not at the start', Buffer.from(' %PDF-1.7')],
    ['a GIF', Buffer.from('GIF89a')],
    ['a ZIP (docx)', bytes(0x50, 0x4b, 0x03, 0x04)],
  ])('refuses %s', (_name, input) => {
    expect(detectMediaType(input)).toBeNull();
  });
});
