import { Response } from 'supertest';

export interface SetCookie {
  value: string;
  // Attribute names in lower case; a flag's value is true.
  attributes: Record<string, string | true>;
}

// The Set-Cookie headers of a response, by cookie name.
export function setCookies(res: Response): Record<string, SetCookie> {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  const out: Record<string, SetCookie> = {};
  for (const header of raw ?? []) {
    const [pair, ...attrs] = header.split(';').map((p) => p.trim());
    const at = pair.indexOf('=');
    const attributes: Record<string, string | true> = {};
    for (const attr of attrs) {
      const eq = attr.indexOf('=');
      if (eq < 0) attributes[attr.toLowerCase()] = true;
      else attributes[attr.slice(0, eq).toLowerCase()] = attr.slice(eq + 1);
    }
    out[pair.slice(0, at)] = { value: decodeURIComponent(pair.slice(at + 1)), attributes };
  }
  return out;
}

// A Cookie request header as a browser would send it.
export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('; ');
}
