// A calendar feed's address as the API hands it out (PUBLIC_URL of the tests, a 43-character token): both tiers of
// the feed's specs read the token from it.
const FEED_URL = /^http:\/\/kokemus\.test\/api\/calendar\/([A-Za-z0-9_-]{43})\.ics$/;

export function tokenOf(url: string): string {
  const match = FEED_URL.exec(url);
  if (!match) throw new Error(`Not a feed URL: ${url}`);
  return match[1];
}
