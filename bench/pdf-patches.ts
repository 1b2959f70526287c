// What each patch of pdfkit's and fontkit's private members gains (src/common/pdf/README.md):
//   npx ts-node --transpile-only bench/pdf-patches.ts [N] [ROUNDS] [PATCH,...]   (default 200 documents, 3 rounds,
//   every patch)
// Renders N contracts and N fee statements in a process of its own with all patches on, then with each patch
// off in turn, ROUNDS times interleaved, and prints the CPU milliseconds per document (the best round: other
// work on the machine only ever adds time) and the share of the render time each patch saves. A patch that
// saves under a tenth of the time of both documents is not worth reaching into a library's insides for.
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { pdfPatches, PdfPatch } from '../src/common/pdf/pdf-patches';
import { renderContractPdf } from '../src/modules/contracts/document/contract-pdf.renderer';
import { StatementDocument, StatementLine } from '../src/modules/fees/fee-runs/export/statement-document';
import { renderStatementPdf } from '../src/modules/fees/fee-runs/export/statement-pdf.renderer';
import { sampleContract } from './contract-pdf';

const NAMES = ['Åsa Öhman', 'Mikko Äijälä', 'Elle-Máret Ŋuolla', 'Sören Björklund', 'Päivi Kärkkäinen'];
const LANGUAGES = ['fi', 'sv', 'fi', 'sv', 'en'] as const;

function sampleStatement(i: number): StatementDocument {
  const lines: StatementLine[] = Array.from({ length: 2 + (i % 12) }, (_, k) => ({
    workDate: `2026-10-${String(1 + ((i + k * 3) % 28)).padStart(2, '0')}`,
    title: `Kokemuspuheenvuoro ${i}-${k}: mielenterveys ja päihteet`,
    taskType: k % 2 ? 'lecture' : 'working_group',
    incomeType: k % 2 ? '214' : '210',
    quarterHours: 4 + (k % 9),
    grossFeeCents: 2500 * (1 + (k % 4)),
    travelAndCostsCents: 55 * (k % 30),
    withholdingCents: 300 * (1 + (k % 4)),
    netCents: 2200 * (1 + (k % 4)) + 55 * (k % 30),
  }));
  const name = NAMES[i % NAMES.length];
  return {
    language: LANGUAGES[i % LANGUAGES.length],
    runReference: `3f2b${String(1000 + (i % 9000))}`,
    issuedAt: '2026-11-02T10:00:00Z',
    paymentDate: '2026-11-06',
    expertName: name,
    payee:
      i % 7 === 3
        ? { kind: 'association', name: 'Pohjanmaan kokemusasiantuntijat ry', businessId: '1572860-0' }
        : { kind: 'expert', name },
    taxPercent: i % 5 ? '12.50' : null,
    lines,
  };
}

interface Figures {
  contractMs: number;
  statementMs: number;
  digest: string;
}

function cpuMsPerDocument(n: number, render: (i: number) => Buffer, digest: ReturnType<typeof createHash>): number {
  for (let i = 0; i < Math.min(20, n); i++) render(i); // warm-up: font parsing, JIT
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) digest.update(render(i));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / n;
}

function child(off: string, n: number): void {
  if (off !== 'none') pdfPatches[off as PdfPatch] = false;
  const digest = createHash('sha256');
  const contracts = Array.from({ length: n }, (_, i) => sampleContract(i));
  const statements = Array.from({ length: n }, (_, i) => sampleStatement(i));
  const figures: Figures = {
    contractMs: cpuMsPerDocument(n, (i) => renderContractPdf(contracts[i]), digest),
    statementMs: cpuMsPerDocument(n, (i) => renderStatementPdf(statements[i]), digest),
    digest: digest.digest('hex').slice(0, 16),
  };
  process.stdout.write(JSON.stringify(figures));
}

function main(): void {
  const n = Number(process.argv[2] ?? 200);
  const rounds = Number(process.argv[3] ?? 3);
  const configs = ['none', ...(process.argv[4]?.split(',') ?? Object.keys(pdfPatches))];
  const best = new Map<string, Figures>();
  for (let round = 0; round < rounds; round++) {
    for (const off of configs) {
      const out = execFileSync(
        process.execPath,
        ['-r', require.resolve('ts-node/register/transpile-only'), __filename, '--child', off, String(n)],
        { encoding: 'utf8' },
      );
      const figures = JSON.parse(out) as Figures;
      const previous = best.get(off);
      best.set(off, {
        contractMs: Math.min(previous?.contractMs ?? Infinity, figures.contractMs),
        statementMs: Math.min(previous?.statementMs ?? Infinity, figures.statementMs),
        digest: figures.digest,
      });
    }
  }
  const all = best.get('none')!;
  const pct = (off: number, on: number) => `${(((off - on) / off) * 100).toFixed(1).padStart(5)} %`;
  console.log(`${n} contracts and ${n} statements per run, best of ${rounds} rounds, CPU ms per document`);
  console.log('patch switched off      contract  saves     statement  saves     output');
  console.log(
    `(all patches on)        ${all.contractMs.toFixed(2).padStart(8)}            ${all.statementMs.toFixed(2).padStart(9)}            ${all.digest}`,
  );
  for (const off of configs.slice(1)) {
    const f = best.get(off)!;
    console.log(
      `${off.padEnd(22)}  ${f.contractMs.toFixed(2).padStart(8)}  ${pct(f.contractMs, all.contractMs)}  ${f.statementMs.toFixed(2).padStart(9)}  ${pct(f.statementMs, all.statementMs)}  ${f.digest === all.digest ? 'same bytes' : 'other bytes'}`,
    );
  }
}

if (process.argv[2] === '--child') child(process.argv[3], Number(process.argv[4]));
else if (require.main === module) main();
