// What an upload really is, read from its first bytes; the name and the declared content type are the
// client's claim and are ignored. The maintained detector (`file-type`) is ESM-only and does not load
// under Jest's CommonJS, and three signatures do not justify a dependency.
export enum MediaType {
  Pdf = 'application/pdf',
  Jpeg = 'image/jpeg',
  Png = 'image/png',
}

const SIGNATURES: { type: MediaType; magic: number[] }[] = [
  { type: MediaType.Pdf, magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: MediaType.Jpeg, magic: [0xff, 0xd8, 0xff] },
  { type: MediaType.Png, magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export const EXTENSION_OF: Record<MediaType, string> = {
  [MediaType.Pdf]: '.pdf',
  [MediaType.Jpeg]: '.jpg',
  [MediaType.Png]: '.png',
};

export function detectMediaType(bytes: Buffer): MediaType | null {
  const found = SIGNATURES.find(({ magic }) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b));
  return found?.type ?? null;
}
