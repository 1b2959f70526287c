import { StatementDocument } from './statement-document';
import { renderStatementPdf } from './statement-pdf.renderer';
import { StatementRenderPool } from './statement-render.pool';

const doc = (n: number): StatementDocument => ({
  language: (['fi', 'sv', 'en'] as const)[n % 3],
  runReference: 'a1b2c3d4',
  issuedAt: '2026-11-02T10:00:00Z',
  paymentDate: '2026-11-06',
  expertName: `Åsa Öhman ${n}`,
  payee: { kind: 'expert', name: `Åsa Öhman ${n}` },
  taxPercent: n % 2 ? null : '12.50',
  lines: Array.from({ length: 3 + n }, (_, i) => ({
    workDate: `2026-10-${String(1 + i).padStart(2, '0')}`,
    title: `Tapaaminen ${i}`,
    taskType: 'working_group',
    incomeType: '210',
    quarterHours: 8 + i,
    grossFeeCents: 5000 + 625 * i,
    travelAndCostsCents: 1100,
    withholdingCents: 625,
    netCents: 5475 + 625 * i,
  })),
});

describe('StatementRenderPool', () => {
  jest.setTimeout(60_000);

  it('gives the same bytes as rendering in place, whichever thread renders', async () => {
    const pool = new StatementRenderPool(1);
    try {
      const docs = Array.from({ length: 8 }, (_, n) => doc(n));
      const rendered = await Promise.all(docs.map((d) => pool.render(d)));
      rendered.forEach((bytes, n) => expect(bytes.equals(renderStatementPdf(docs[n]))).toBe(true));
    } finally {
      await pool.close();
    }
  });

  it('fails the render of a document the renderer refuses, on a thread too', async () => {
    const pool = new StatementRenderPool(1);
    try {
      const bad = { ...doc(1), issuedAt: 'not-a-date' };
      const results = await Promise.allSettled([pool.render(bad), pool.render(bad)]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    } finally {
      await pool.close();
    }
  });
});
