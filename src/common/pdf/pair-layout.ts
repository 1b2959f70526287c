// Shaping a word with fontkit costs about 0.1 ms, and every contract brings new words (its number, names,
// titles). For plain Latin text with DejaVu the result is fully determined by each letter's own glyph and
// the kerning between neighbours, so a new word is composed from cached one- and two-letter layouts. Any
// word with something else in it (ligatures, combining marks, letters shaped in context) goes to fontkit.
// A spec checks the composition against fontkit over the contract texts in all languages and sample names.

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
export interface LayoutFont {
  layout(text: string): { glyphs: Glyph[]; positions: Position[] };
}
export interface ComposedRun {
  glyphs: Glyph[];
  positions: Position[];
}

const singles = new WeakMap<LayoutFont, Map<string, { glyph: Glyph; position: Position } | null>>();
const pairs = new WeakMap<LayoutFont, Map<string, number | null>>();

export function composeLayout(font: LayoutFont, text: string): ComposedRun | null {
  if (text.length === 0) return null;
  const letters = Array.from(text);
  const glyphs: Glyph[] = [];
  const positions: Position[] = [];
  for (let i = 0; i < letters.length; i++) {
    const single = singleOf(font, letters[i]);
    if (!single) return null;
    let kern = 0;
    if (i + 1 < letters.length) {
      const pair = kernOf(font, letters[i], letters[i + 1]);
      if (pair === null) return null;
      kern = pair;
    }
    glyphs.push(single.glyph);
    positions.push({ ...single.position, xAdvance: single.position.xAdvance + kern });
  }
  return { glyphs, positions };
}

function singleOf(font: LayoutFont, letter: string): { glyph: Glyph; position: Position } | null {
  let cache = singles.get(font);
  if (!cache) singles.set(font, (cache = new Map()));
  let single = cache.get(letter);
  if (single === undefined) {
    const run = font.layout(letter);
    const position = run.positions[0];
    single =
      run.glyphs.length === 1 && run.glyphs[0].id !== 0 && !position.xOffset && !position.yOffset && !position.yAdvance
        ? { glyph: run.glyphs[0], position: { ...position } }
        : null;
    cache.set(letter, single);
  }
  return single;
}

// How much the first letter's advance changes when the second follows it; null when the pair is shaped
// into something other than the two letters' own glyphs (a ligature such as fi), or the second one moves.
function kernOf(font: LayoutFont, first: string, second: string): number | null {
  let cache = pairs.get(font);
  if (!cache) pairs.set(font, (cache = new Map()));
  const key = first + second;
  let kern = cache.get(key);
  if (kern === undefined) {
    const run = font.layout(key);
    const a = singleOf(font, first);
    const b = singleOf(font, second);
    const [p, q] = run.positions;
    kern =
      a &&
      b &&
      run.glyphs.length === 2 &&
      run.glyphs[0].id === a.glyph.id &&
      run.glyphs[1].id === b.glyph.id &&
      q.xAdvance === b.position.xAdvance &&
      !p.xOffset &&
      !p.yOffset &&
      !q.xOffset &&
      !q.yOffset
        ? p.xAdvance - a.position.xAdvance
        : null;
    cache.set(key, kern);
  }
  return kern;
}
