// Contract PDF throughput on one core: npx ts-node bench/contract-pdf.ts [N] (default 500).
// Renders N contracts with slightly varying data and prints contracts per second and p95 ms per contract.
import { createHash } from 'crypto';
import { performance } from 'perf_hooks';
import {
  ContractDocument,
  ContractTaskLine,
  DocumentLanguage,
} from '../src/modules/contracts/document/contract-document';
import { renderContractPdf } from '../src/modules/contracts/document/contract-pdf.renderer';
import { TaskType } from '../src/common/domain/task-type';

const TASK_TYPES = Object.values(TaskType);
const NAMES = ['Åsa Öhman', 'Mikko Äijälä', 'Elle-Máret Ŋuolla', 'Sören Björklund', 'Päivi Kärkkäinen'];
const MUNICIPALITIES: [string, string][] = [
  ['Vaasa', 'Vasa'],
  ['Mustasaari', 'Korsholm'],
  ['Pietarsaari', 'Jakobstad'],
  ['Närpiö', 'Närpes'],
  ['Kristiinankaupunki', 'Kristinestad'],
];
const LANGUAGES: DocumentLanguage[] = ['fi', 'sv', 'fi', 'sv', 'en'];

export function sampleContract(i: number): ContractDocument {
  const [municipalityFi, municipalitySv] = MUNICIPALITIES[i % MUNICIPALITIES.length];
  const taskCount = 1 + (i % 6);
  const tasks: ContractTaskLine[] = Array.from({ length: taskCount }, (_, k) => {
    const day = String(2 + ((i + k * 4) % 26)).padStart(2, '0');
    const hour = 6 + ((i + k) % 6);
    return {
      startsAt: `2026-04-${day}T${String(hour).padStart(2, '0')}:00:00Z`,
      endsAt: `2026-04-${day}T${String(hour + 2).padStart(2, '0')}:30:00Z`,
      taskType: TASK_TYPES[(i + k) % TASK_TYPES.length],
      title: `Kokemuspuheenvuoro ${i}-${k}: mielenterveys ja päihteet – ääni kuuluviin`,
      place:
        k % 3 === 2
          ? { remote: true }
          : { remote: false, municipalityFi, municipalitySv, address: `Sairaalantie ${1 + (i % 40)}` },
      preparationMinutes: 30 * (k % 3),
    };
  });
  return {
    language: LANGUAGES[i % LANGUAGES.length],
    contractNumber: `KOK-2026-${String(100000 + i).padStart(6, '0')}`,
    version: 1 + (i % 3),
    supersedesNumber: i % 3 ? `KOK-2026-${String(90000 + i).padStart(6, '0')}` : null,
    orderer: {
      kind: i % 2 ? 'project' : 'unit',
      code: `U-${i % 50}`,
      nameFi: 'Aikuispsykiatria',
      nameSv: 'Vuxenpsykiatri',
    },
    expert: { name: NAMES[i % NAMES.length], dateOfBirth: '1975-06-30', municipalityFi, municipalitySv },
    validFrom: '2026-04-01',
    validUntil: '2026-04-30',
    tasks,
    fee: {
      basis: i % 4 ? 'hourly' : 'per_event',
      rateCents: 2500,
      expectedCents: 2500 * 3 * taskCount,
      payee: 'expert',
    },
    travel: { carCentsPerKm: 55, year: 2026, publicTransportByReceipt: true },
    lateCancellation: { hoursBefore: 48 },
    approvedBy: { name: 'Kaisa Koordinaattori', at: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00Z` },
    signedBy: i % 2 ? { name: NAMES[i % NAMES.length], at: '2026-03-30T12:00:00Z' } : null,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function main(): void {
  const n = Number(process.argv[2] ?? 500);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`N must be a positive integer, got ${process.argv[2]}`);
  }
  const contracts = Array.from({ length: n }, (_, i) => sampleContract(i));
  // Warm-up: first font read, JIT; not measured.
  for (let i = 0; i < Math.min(20, n); i++) {
    renderContractPdf(contracts[i]);
  }

  const durations: number[] = [];
  let bytes = 0;
  const digest = createHash('sha256');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (const contract of contracts) {
    const t0 = performance.now();
    const pdf = renderContractPdf(contract);
    durations.push(performance.now() - t0);
    bytes += pdf.length;
    digest.update(pdf);
  }
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time is what this process itself used, so it holds steady when other work shares the core.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  durations.sort((a, b) => a - b);

  console.log(`contracts:            ${n}`);
  console.log(`total:                ${elapsedMs.toFixed(0)} ms`);
  console.log(`contracts per second: ${((n / elapsedMs) * 1000).toFixed(1)} (wall clock)`);
  console.log(`contracts per CPU s:  ${((n / cpuMs) * 1000).toFixed(1)} (CPU time of this process)`);
  console.log(`p50 ms per contract:  ${percentile(durations, 50).toFixed(2)}`);
  console.log(`p95 ms per contract:  ${percentile(durations, 95).toFixed(2)}`);
  console.log(`max ms per contract:  ${durations[durations.length - 1].toFixed(2)}`);
  console.log(`mean size:            ${(bytes / n / 1024).toFixed(1)} KiB`);
  console.log(`sha256 of all output: ${digest.digest('hex').slice(0, 16)} (same on every run)`);
}

if (require.main === module) main();
