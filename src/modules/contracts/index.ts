// What contracts offers other features on purpose (see "Module boundaries" in the README), with ContractsModule.
// Booking drafts a contract in the transaction that creates an assignment, ends it in the one that cancels the
// last work under it, and gives it a new version in the one that moves its work (a change of time). Contracts, in
// turn, use only booking's entities and its rule of who may see an assignment (booking/assignment-access.rule.ts,
// an exception listed in .dependency-cruiser.cjs).
// The demo's history signs and renders contracts through the real services.
export { ContractSignedCopyJob } from './document/contract-signed-copy.job';
export { ContractPdfJob } from './document/contract-pdf.job';
export { ContractDrafts } from './lifecycle/contract-drafts.service';
export { ContractEnding } from './lifecycle/contract-ending.service';
export { ContractRescheduling } from './lifecycle/contract-rescheduling.service';
export { ContractSigningService } from './lifecycle/contract-signing.service';
