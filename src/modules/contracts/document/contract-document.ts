// Everything the contract PDF shows, already resolved: the renderer reads nothing else, so the same
// ContractDocument always gives the same bytes (the stored SHA-256 depends on it). Plain strings, no enums.

import type { TaskType } from '../../../common/domain/task-type';
import type { Language } from '../../../common/i18n/language';

export type DocumentLanguage = `${Language}`;

export interface ContractTaskLine {
  startsAt: string; // ISO instant, UTC
  endsAt: string; // ISO instant, UTC
  taskType: `${TaskType}`;
  title: string;
  place: { remote: true } | { remote: false; municipalityFi: string; municipalitySv: string; address: string };
  preparationMinutes: number;
}

export interface ContractDocument {
  language: DocumentLanguage; // 'en' renders an information copy that says so prominently
  contractNumber: string; // e.g. 'KOK-2026-000123'
  version: number; // 1, 2, ... (a new version supersedes the old)
  supersedesNumber?: string | null;
  orderer: { kind: 'unit' | 'project'; code: string; nameFi: string; nameSv: string };
  // Date of birth only: the personal identity code never goes into a contract PDF.
  expert: { name: string; dateOfBirth: string /* YYYY-MM-DD */; municipalityFi?: string; municipalitySv?: string };
  validFrom: string; // YYYY-MM-DD
  validUntil: string; // YYYY-MM-DD, inclusive
  tasks: ContractTaskLine[];
  fee: {
    basis: 'hourly' | 'per_event';
    rateCents: number;
    expectedCents: number;
    payee: 'expert' | 'association' | 'declined';
    associationName?: string | null;
  };
  travel: { carCentsPerKm: number; year: number; publicTransportByReceipt: true };
  lateCancellation: { hoursBefore: number }; // default 48
  approvedBy?: { name: string; at: string /* ISO instant */ } | null;
  // A draft's preview for the coordinator: says prominently that it is not the contract; never stored or signed.
  draft?: boolean;
  signedBy?: { name: string; at: string } | null;
}
