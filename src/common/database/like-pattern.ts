// A LIKE pattern that finds the typed text anywhere, as it is: LIKE's own wildcards and escape in it match only
// themselves (PostgreSQL's default escape character is the backslash).
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
