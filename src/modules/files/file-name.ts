import { EXTENSION_OF, MediaType } from './media-type';

const MAX_LENGTH = 200;
// Control and format characters (bidirectional overrides can make "exe.pdf" read as "fdp.exe"; zero-width
// ones hide in plain sight) and the characters Windows refuses in names.
const UNSAFE = /[\p{Cc}\p{Cf}<>:"|?*]/gu;

// The name the client gave, kept only for showing back: no path, nothing that could spoof or break a
// header or a file system, at most 200 characters with the extension kept.
export function sanitiseFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(UNSAFE, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!cleaned) return 'file';
  const chars = [...cleaned];
  if (chars.length <= MAX_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? [...cleaned.slice(dot)].slice(0, 10).join('') : '';
  return (
    chars
      .slice(0, MAX_LENGTH - extension.length)
      .join('')
      .trimEnd() + extension
  );
}

const ACCEPTED_EXTENSIONS: Record<MediaType, string[]> = {
  [MediaType.Pdf]: ['.pdf'],
  [MediaType.Jpeg]: ['.jpg', '.jpeg'],
  [MediaType.Png]: ['.png'],
};

// A download is named for what it is: a PNG uploaded as "todistus.pdf" comes back as "todistus.pdf.png".
export function downloadFileName(name: string, mediaType: MediaType): string {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS[mediaType].some((ext) => lower.endsWith(ext)) ? name : `${name}${EXTENSION_OF[mediaType]}`;
}

// RFC 6266: an ASCII fallback for old clients and the exact UTF-8 name (RFC 8187) for the rest.
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ ()-]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
