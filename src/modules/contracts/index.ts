// What contracts offers other features on purpose (see "Module boundaries" in the README), with ContractsModule.
// Booking drafts a contract in the transaction that creates an assignment, ends it in the one that cancels the
// last work under it, and gives it a new version in the one that moves its work (a change of time). Contracts, in
// turn, use only booking's entities and its rule of who may see an assignment (booking's index, an exception
// listed in .dependency-cruiser.cjs), in AssignmentContractService alone: nothing exported here may lead to it.
export { ContractDrafts } from './lifecycle/contract-drafts.service';
export { ContractEnding } from './lifecycle/contract-ending.service';
export { ContractRescheduling } from './lifecycle/contract-rescheduling.service';
// The demo's history signs and renders contracts through the real services.
export { ContractSigningService } from './lifecycle/contract-signing.service';
export { ContractSignedCopyJob } from './document/contract-signed-copy.job';
export { ContractPdfJob } from './document/contract-pdf.job';
// The expert's data export lists the contracts covering their assignments as contracts load them.
export type { CoveredAssignment } from './contracts.repository';
