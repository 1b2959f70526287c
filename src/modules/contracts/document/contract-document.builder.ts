import { TaskType } from '../../../common/domain/task-type';
import { bookedPrice, FeeBasis, FeeRate, RateTables, TravelRate, travelRateFor } from '../../fees';
import { ContractDocument, ContractTaskLine } from './contract-document';

// From the database's rows to the renderer's ContractDocument: pure, so that the snapshot stored at approval
// is exactly what the rules say, and the same rows always give the same document.

export interface LocalName {
  fi: string;
  sv: string;
}

export interface ContractTaskSource {
  assignmentId: string;
  startsAt: Date;
  endsAt: Date;
  taskType: TaskType;
  title: string;
  remote: boolean;
  municipality: LocalName | null;
  address: string | null;
  preparationMinutes: number;
}

export interface ContractSources {
  language: 'fi' | 'sv';
  number: string;
  version: number;
  validFrom: string;
  validUntil: string;
  orderer: { kind: 'unit' | 'project'; code: string; nameFi: string; nameSv: string };
  expert: { name: string; dateOfBirth: string | null; municipality: LocalName | null };
  payee: { kind: 'expert' | 'association' | 'declined'; associationName: string | null };
  tasks: ContractTaskSource[];
  lateCancellationHours: number;
  // Null for a draft's preview: nobody has approved it yet.
  approvedBy: { name: string; at: Date } | null;
  // The rates table as read at approval: the contract states what the claim will be priced by.
  rates: RateTables;
}

export interface FeeTerms {
  basis: FeeBasis;
  rateCents: number;
  expectedCents: number;
}

export type ContractDocumentErrorCode =
  'NO_TASKS' | 'DATE_OF_BIRTH_MISSING' | 'MIXED_FEE_TERMS' | 'RATE_NOT_FOUND' | 'TRAVEL_RATE_NOT_FOUND';

// Plain error, free of Nest; the services map the code to a DomainError.
export class ContractDocumentError extends Error {
  constructor(
    readonly code: ContractDocumentErrorCode,
    message: string,
    readonly assignmentIds: string[] = [],
  ) {
    super(message);
    this.name = 'ContractDocumentError';
  }
}

// A contract states one fee rate and basis (the renderer's fee section has one), so every task under it must be
// priced alike by the schedule in force on its day: a series of working-group meetings, say. Work of different
// kinds goes under contracts of its own.
export function feeTerms(tasks: readonly ContractTaskSource[], rates: readonly FeeRate[]): FeeTerms {
  if (tasks.length === 0) throw new ContractDocumentError('NO_TASKS', 'A contract covers at least one task');
  const priced = tasks.map((task) => ({ task, work: bookedPrice(task, rates) }));
  const unpriced = priced.filter((p) => p.work === null).map((p) => p.task.assignmentId);
  if (unpriced.length > 0) {
    throw new ContractDocumentError('RATE_NOT_FOUND', 'No fee rate is in force for some tasks', unpriced);
  }
  const first = priced[0].work!.rate;
  const differing = priced.filter(
    (p) => p.work!.rate.basis !== first.basis || p.work!.rate.rateCents !== first.rateCents,
  );
  if (differing.length > 0) {
    throw new ContractDocumentError(
      'MIXED_FEE_TERMS',
      'The tasks are paid at different rates; a contract covers tasks with one fee rate',
      [priced[0].task.assignmentId, ...differing.map((p) => p.task.assignmentId)],
    );
  }
  const expectedCents = priced.reduce((sum, p) => sum + p.work!.feeCents, 0);
  return { basis: first.basis, rateCents: first.rateCents, expectedCents };
}

// The car rate of the year the term starts in; a year without a published rate keeps the latest earlier one.
export function travelTerms(validFrom: string, rates: readonly TravelRate[]): TravelRate {
  const exact = travelRateFor(rates, validFrom);
  if (exact) return exact;
  const year = Number(validFrom.slice(0, 4));
  const earlier = rates.filter((r) => r.year < year).sort((a, b) => b.year - a.year)[0];
  if (!earlier) throw new ContractDocumentError('TRAVEL_RATE_NOT_FOUND', `No car travel rate for ${year} or earlier`);
  return earlier;
}

function taskLine(task: ContractTaskSource): ContractTaskLine {
  return {
    startsAt: task.startsAt.toISOString(),
    endsAt: task.endsAt.toISOString(),
    taskType: task.taskType as ContractTaskLine['taskType'],
    title: task.title,
    place:
      task.remote || !task.municipality || !task.address
        ? { remote: true }
        : {
            remote: false,
            municipalityFi: task.municipality.fi,
            municipalitySv: task.municipality.sv,
            address: task.address,
          },
    preparationMinutes: task.preparationMinutes,
  };
}

export function buildContractDocument(s: ContractSources): ContractDocument {
  if (!s.expert.dateOfBirth) {
    throw new ContractDocumentError(
      'DATE_OF_BIRTH_MISSING',
      'The expert has not given their personal identity code, so the contract has no date of birth',
    );
  }
  const tasks = [...s.tasks].sort(
    (a, b) =>
      a.startsAt.getTime() - b.startsAt.getTime() ||
      (a.assignmentId < b.assignmentId ? -1 : a.assignmentId > b.assignmentId ? 1 : 0),
  );
  const fee = feeTerms(tasks, s.rates.fees);
  const travel = travelTerms(s.validFrom, s.rates.travel);
  const expertMunicipality = s.expert.municipality;
  return {
    language: s.language,
    contractNumber: s.number,
    version: s.version,
    // Versions share the number; the renderer then says that this version replaces the earlier ones.
    supersedesNumber: null,
    orderer: { kind: s.orderer.kind, code: s.orderer.code, nameFi: s.orderer.nameFi, nameSv: s.orderer.nameSv },
    expert: {
      name: s.expert.name,
      dateOfBirth: s.expert.dateOfBirth,
      ...(expertMunicipality ? { municipalityFi: expertMunicipality.fi, municipalitySv: expertMunicipality.sv } : {}),
    },
    validFrom: s.validFrom,
    validUntil: s.validUntil,
    tasks: tasks.map(taskLine),
    fee: {
      basis: fee.basis,
      rateCents: fee.rateCents,
      expectedCents: s.payee.kind === 'declined' ? 0 : fee.expectedCents,
      payee: s.payee.kind,
      associationName: s.payee.kind === 'association' ? s.payee.associationName : null,
    },
    travel: { carCentsPerKm: travel.carCentsPerKm, year: travel.year, publicTransportByReceipt: true },
    lateCancellation: { hoursBefore: s.lateCancellationHours },
    approvedBy: s.approvedBy ? { name: s.approvedBy.name, at: s.approvedBy.at.toISOString() } : null,
    // The PDF is rendered at approval and never again: the signature is recorded beside it, with its hash.
    signedBy: null,
  };
}
