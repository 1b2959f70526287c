import pdfParse from 'pdf-parse';

interface TextItem {
  str: string;
  transform: number[];
}
interface PageData {
  getTextContent(): Promise<{ items: TextItem[] }>;
}

// A PDF's text with its text items joined by '|', so that table cells read apart.
export async function pdfCells(pdf: Buffer): Promise<string> {
  const pagerender = async (page: PageData) => (await page.getTextContent()).items.map((i) => i.str).join('|');
  return (await pdfParse(pdf, { pagerender } as never)).text.replace(/\s+/g, ' ');
}

// Every text item with its position, page by page, as a PDF reader sees them: two renders that set text
// alike give equal lists.
export async function placedText(pdf: Buffer): Promise<string[]> {
  const items: string[] = [];
  const pagerender = async (page: PageData) => {
    items.push('(page)');
    for (const item of (await page.getTextContent()).items)
      items.push(`${item.str} @ ${item.transform.map((n) => n.toFixed(2)).join(' ')}`);
    return '';
  };
  await pdfParse(pdf, { pagerender } as never);
  return items;
}

// "1 234,50 €", "€1,234.50" or "1234.50" to cents.
export function cents(text: string): number {
  const digits = text.replace(/[€\s\u00a0,.]/g, '');
  return Number(digits);
}

export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text.trimEnd().split('\r\n');
  const names = header.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((value, i) => [names[i], value])));
}

// supertest parser that keeps a binary body as a Buffer.
export const binary = (
  res: { on: (e: string, cb: (c?: Buffer) => void) => void },
  done: (err: Error | null, body: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

// Polls until done(value) or the timeout; background jobs (fee runs, PDF renders) finish on the worker.
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
