import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import en from './en.json';
import fi from './fi.json';
import sv from './sv.json';
import { formatDate, formatDateRange, formatDateTime, formatEuros, formatMonth } from './format';

// Every text a person reads comes from fi.json, sv.json and en.json, and all three say something for each key.

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((all, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? { ...all, [path]: value } : { ...all, ...flatten(value, path) };
  }, {});

const LANGUAGES = { fi: flatten(fi), sv: flatten(sv), en: flatten(en) };
const SRC = join(__dirname, '..');
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

// Props through which a text reaches a person (visibly or read out by a screen reader).
const TEXT_PROPS = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'label',
  'labelText',
  'hintText',
  'text',
  'headingText',
  'buttonText',
  'visualPlaceholder',
  'statusText',
  'optionalText',
  'ariaLoadingText',
  'smallScreenExpandButtonText',
  'submitLabel',
  'doneText',
  'closeText',
  'groupHintText',
  'groupStatusText',
  'labelNewWindow',
  'regionAriaLabel',
]);
const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

interface Finding {
  file: string;
  line: number;
  text: string;
}

function scan(file: string, text = readFileSync(file, 'utf8')): { hardCoded: Finding[]; keys: Finding[] } {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const hardCoded: Finding[] = [];
  const keys: Finding[] = [];
  const at = (node: ts.Node, text: string): Finding => ({
    file: relative(SRC, file),
    line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    text,
  });
  const literalText = (node: ts.Node | undefined): string | undefined => {
    if (!node) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isJsxExpression(node)) return literalText(node.expression);
    if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => s.literal.text).join(' ');
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) hardCoded.push(at(node, node.text.trim()));
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== undefined && hasWords(text)) hardCoded.push(at(node, text));
    }
    if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText(source))) {
      const text = literalText(node.initializer);
      if (text !== undefined && hasWords(text)) hardCoded.push(at(node, `${node.name.getText(source)}="${text}"`));
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 't' &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      keys.push(at(node, node.arguments[0].text));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { hardCoded, keys };
}

describe('the web app’s texts', () => {
  it.each(['sv', 'en'] as const)('has in %s exactly the keys of Finnish, none of them empty', (language) => {
    expect(Object.keys(LANGUAGES[language]).sort()).toEqual(Object.keys(LANGUAGES.fi).sort());
  });

  it.each(['fi', 'sv', 'en'] as const)('leaves no text empty in %s', (language) => {
    expect(Object.entries(LANGUAGES[language]).filter(([, text]) => !text.trim())).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const differing = Object.keys(LANGUAGES.fi).filter(
      (key) =>
        JSON.stringify(variables(LANGUAGES.fi[key])) !== JSON.stringify(variables(LANGUAGES.sv[key] ?? '')) ||
        JSON.stringify(variables(LANGUAGES.fi[key])) !== JSON.stringify(variables(LANGUAGES.en[key] ?? '')),
    );
    expect(differing).toEqual([]);
  });

  it('has no text a person reads written into a component', () => {
    const found = sourceFiles(SRC).flatMap((file) => scan(file).hardCoded);
    expect(found).toEqual([]);
  });

  it('finds every key the code asks for', () => {
    const plural = (key: string) => [`${key}_one`, `${key}_other`].every((k) => k in LANGUAGES.fi);
    const missing = sourceFiles(SRC)
      .flatMap((file) => scan(file).keys)
      .filter((k) => !(k.text in LANGUAGES.fi) && !plural(k.text));
    expect(missing).toEqual([]);
  });

  it('notices a hard-coded text and a missing key (the scan itself works)', () => {
    const fixture = `export const X = () => <p title="Tervetuloa">Hei maailma {'Hej världen'} <Button aria-label={t('no.such.key')} /></p>;`;
    const { hardCoded, keys } = scan(join(__dirname, 'fixture.tsx'), fixture);
    expect(hardCoded.map((f) => f.text)).toEqual(['title="Tervetuloa"', 'Hei maailma', 'Hej världen']);
    expect(keys.map((f) => f.text)).toEqual(['no.such.key']);
  });
});

describe('dates, times and euros', () => {
  const normal = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  it('writes a date and time in Helsinki time as people in Finland do', () => {
    // 08:00 UTC in February is 10.00 in Helsinki; 2.2.2027 is a Tuesday.
    expect(formatDateTime('fi', '2027-02-02T08:00:00Z')).toBe('ti 2.2.2027 klo 10.00');
    expect(formatDateTime('sv', '2027-02-02T08:00:00Z')).toBe('tis 2.2.2027 kl. 10.00');
    // Summer time: 21:30 UTC is already the next day in Helsinki.
    expect(formatDate('fi', '2027-06-30T21:30:00Z')).toBe('1.7.2027');
  });

  it('writes a period of one day as that day', () => {
    expect(formatDateRange('fi', '2026-12-15', '2026-12-15')).toBe('15.12.2026');
    expect(formatDateRange('sv', '2026-12-15', '2026-12-31')).toBe('15.12.2026–31.12.2026');
  });

  it('names a month as people do, not as 2026-11', () => {
    expect(formatMonth('fi', '2026-11')).toBe('marraskuu 2026');
    expect(formatMonth('sv', '2026-11')).toBe('november 2026');
    expect(formatMonth('en', '2026-11')).toBe('November 2026');
    expect(formatMonth('fi', '2026-03', { year: false })).toBe('maaliskuu');
    expect(formatMonth('sv', '2026-01', { short: true })).toBe('jan. 2026');
  });

  it('writes euros with a space between thousands and a decimal comma', () => {
    expect(normal(formatEuros('fi', 1234.5))).toBe('1 234,50 €');
    expect(normal(formatEuros('sv', 1234.5))).toBe('1 234,50 €');
  });
});
