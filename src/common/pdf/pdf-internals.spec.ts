import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { A4, openArchivalPdf } from './archival-pdf';
import { dejaVuFonts } from './dejavu-fonts';
import { TextSetter } from './text-setter';

// common/pdf reaches into private members of pdfkit and fontkit (README.md lists them). They were checked
// against exactly these versions; any other installed version fails here, so that an upgrade is a deliberate
// change: go through README.md's list against the new sources, run the specs it names and bench/pdf-patches.ts,
// then change the versions here and in package.json together.
const PDFKIT = '0.20.2';
const FONTKIT = '2.0.4';

// The package.json of the package that `fromFile` belongs to (pdfkit's "exports" hide it from require).
function installedVersion(name: string, fromFile: string): string {
  for (let dir = dirname(fromFile); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version: string;
      };
      if (manifest.name === name) return manifest.version;
    } catch {
      // no package.json here: look further up
    }
  }
  throw new Error(`No package.json of ${name} above ${fromFile}`);
}

describe('the pdfkit and fontkit that common/pdf was checked against', () => {
  const pdfkitMain = require.resolve('pdfkit');

  it(`is pdfkit ${PDFKIT}, pinned exactly`, () => {
    expect(installedVersion('pdfkit', pdfkitMain)).toBe(PDFKIT);
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      overrides: Record<string, unknown>;
    };
    expect(manifest.dependencies.pdfkit).toBe(PDFKIT);
    expect(manifest.overrides.fontkit).toBe(FONTKIT);
  });

  it(`is fontkit ${FONTKIT}, the one pdfkit loads`, () => {
    expect(installedVersion('fontkit', require.resolve('fontkit', { paths: [dirname(pdfkitMain)] }))).toBe(FONTKIT);
  });
});

// Each patch checks the members it needs and quietly falls back to pdfkit's own way when they are missing.
// With the versions above none may fall back, or the specs that compare a patch with pdfkit's own way would
// compare pdfkit with itself.
describe('every patch finds the private members it needs', () => {
  const open = () =>
    openArchivalPdf({
      lang: 'fi-FI',
      title: 'x',
      author: 'x',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      modifiedAt: new Date('2026-01-01T00:00:00Z'),
      margins: { top: 50, bottom: 50, left: 50, right: 50 },
      fixedSubsets: true,
    });

  it("parses the fonts once, into fontkit fonts whose glyphs carry each caller's own code points", () => {
    const font = dejaVuFonts().regular as unknown as {
      getGlyph?: (id: number, codePoints?: number[]) => { codePoints: number[] };
    };
    expect(Buffer.isBuffer(font)).toBe(false);
    expect(font.getGlyph!(36, [0x41]).codePoints).toEqual([0x41]);
    expect(font.getGlyph!(36, [0x42]).codePoints).toEqual([0x42]);
  });

  it('shares the layout cache, uses the fixed subsets, the fast text path and collects the output', () => {
    const archival = open();
    const pdf = archival.pdf;
    const internals = pdf as unknown as { _font: { layoutCache: unknown }; page: { content: { finalize: unknown } } };
    const cache = internals._font.layoutCache;
    const other = open().pdf as unknown as { _font: { layoutCache: unknown } };
    expect(other._font.layoutCache).toBe(cache);

    expect(archival.fixedSubsets).toBe(true);
    expect((new TextSetter(pdf, true) as unknown as { fast: boolean }).fast).toBe(true);

    // collectOutput wraps the page content's finalize.
    expect(internals.page.content.finalize).not.toBe(Object.getPrototypeOf(internals.page.content).finalize);
    new TextSetter(pdf, true).text(
      'Hyvää päivää',
      50,
      50,
      { font: 'Body', size: 10, color: '#000000' },
      { width: A4.width - 100 },
    );
    pdf.end();
    const bytes = archival.bytes();
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    // Nothing was left in pdfkit's own stream: collectOutput took it all.
    expect(pdf.read()).toBeNull();
  });
});
