import { readFileSync } from 'fs';
import { join } from 'path';
import { dejaVuFonts } from './dejavu-fonts';
import { composeLayout, LayoutFont } from './pair-layout';

// Every word the renderers print (their text files, read as text), names, numbers, as pdfkit lays them out
// (a word with its trailing space).
function corpus(): string[] {
  const sources = [
    '../../modules/contracts/document/contract-texts.ts',
    '../../modules/fees/fee-runs/export/statement-texts.ts',
  ].map((file) => readFileSync(join(__dirname, file), 'utf8'));
  const extra = [
    'Åsa Öhman-Äijälä Elle-Máret Ŋuolla Sören Björklund Päivi Kärkkäinen Čeavččageađgi Šuoššjávri Ǯǯ Ǥǥ Ǩǩ Ʒʒ',
    'KOK-2026-100191 1 275,00 € 0,55 € 12.4.1979 klo 9.00–11.30 tis 3.3.2026 AV To Te Yo P. W. LT V.A. "Quoted" «sv» ’s',
    'official affluent fjord flow Tafla AVA WAVE Kafé finsk ﬁ',
  ];
  const words = new Set<string>();
  for (const text of [...sources, ...extra]) {
    for (const word of text.split(/\s+/)) {
      if (word) {
        words.add(word);
        words.add(`${word} `);
      }
    }
  }
  return [...words];
}

describe('composeLayout', () => {
  const fonts = dejaVuFonts() as unknown as { regular: LayoutFont; bold: LayoutFont };
  const words = corpus();

  it.each(['regular', 'bold'] as const)('gives exactly what fontkit gives for every word it composes (%s)', (face) => {
    const font = fonts[face];
    let composedCount = 0;
    for (const word of words) {
      const composed = composeLayout(font, word);
      if (!composed) continue;
      composedCount++;
      const shaped = font.layout(word);
      expect({ word, glyphs: composed.glyphs.map((g) => g.id) }).toEqual({
        word,
        glyphs: shaped.glyphs.map((g) => g.id),
      });
      expect({ word, positions: composed.positions }).toEqual({
        word,
        positions: shaped.positions.map((p) => ({
          xAdvance: p.xAdvance,
          yAdvance: p.yAdvance,
          xOffset: p.xOffset,
          yOffset: p.yOffset,
        })),
      });
    }
    // Most words take the fast way; otherwise the composition would be pointless.
    expect(composedCount / words.length).toBeGreaterThan(0.8);
  });

  it('leaves ligatures and letters the font lacks to fontkit', () => {
    for (const word of ['official', 'flow', 'affluent', 'office', '漢字', 'e\u0301']) {
      expect({ word, composed: composeLayout(fonts.regular, word) !== null }).toEqual({ word, composed: false });
    }
  });
});
