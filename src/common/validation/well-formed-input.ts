import { FieldError } from '../errors/domain-error';

// Real bodies nest three or four levels; anything recursive below (class-transformer, class-validator)
// must never meet thousands.
export const MAX_JSON_DEPTH = 32;

// Counts brackets outside strings, before JSON.parse, so that a deep body costs one linear scan.
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

// C0 and C1 controls and DEL, but tab, line feed and carriage return, which text areas hold.
// PostgreSQL refuses NUL in text outright; the others are never typed by a person.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_FAULTS = 20;

export function textFault(field: string, text: string): FieldError | undefined {
  if (CONTROL.test(text))
    return { field, code: 'controlCharacter', message: `${field} must not contain control characters` };
  if (LONE_SURROGATE.test(text))
    return { field, code: 'illFormedUnicode', message: `${field} must be well-formed Unicode text` };
  return undefined;
}

// A name for a field whose own key is ill-formed, safe to send back.
function printable(key: string): string {
  return key
    .replace(new RegExp(CONTROL.source, 'g'), '\uFFFD')
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

// Every string (and key) of a parsed body, query or path: ill-formed text is named by its field, and ids
// written in upper case are lowered in place, so that every layer below compares them as PostgreSQL
// prints them. Iterative: the depth of what reaches it is bounded, but not by this function.
export function inspectInput(root: unknown, prefix = ''): FieldError[] {
  const faults: FieldError[] = [];
  if (root === null || typeof root !== 'object') return faults;
  const stack: Array<{ node: Record<string, unknown>; path: string }> = [
    { node: root as Record<string, unknown>, path: prefix },
  ];
  while (stack.length > 0 && faults.length < MAX_FAULTS) {
    const { node, path } = stack.pop()!;
    for (const key of Object.keys(node)) {
      const keyFault = Array.isArray(node) ? undefined : textFault(join(path, printable(key)), key);
      if (keyFault) {
        faults.push(keyFault);
        continue;
      }
      const field = join(path, key);
      const value = node[key];
      if (typeof value === 'string') {
        const fault = textFault(field, value);
        if (fault) faults.push(fault);
        else if (UUID.test(value) && value !== value.toLowerCase()) node[key] = value.toLowerCase();
      } else if (value !== null && typeof value === 'object') {
        stack.push({ node: value as Record<string, unknown>, path: field });
      }
    }
  }
  return faults.sort((a, b) => a.field.localeCompare(b.field));
}
