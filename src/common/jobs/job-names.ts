export enum QueueName {
  Mail = 'mail',
  Booking = 'booking',
  Contracts = 'contracts',
  Fees = 'fees',
  Privacy = 'privacy',
}

export enum JobName {
  SendMail = 'send-mail',
  SweepMail = 'sweep-mail',
  ExpireOffer = 'expire-offer',
  RemindCompletion = 'remind-completion',
  RenderContractPdf = 'render-contract-pdf',
  RenderSignedContractCopy = 'render-signed-contract-copy',
  SweepContracts = 'sweep-contracts',
  ComputeFeeRun = 'compute-fee-run',
  ExportFeeRun = 'export-fee-run',
  SweepInactiveExperts = 'sweep-inactive-experts',
  PurgeExpiredPayrollFiles = 'purge-expired-payroll-files',
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.SendMail]: QueueName.Mail,
  [JobName.SweepMail]: QueueName.Mail,
  [JobName.ExpireOffer]: QueueName.Booking,
  [JobName.RemindCompletion]: QueueName.Booking,
  [JobName.RenderContractPdf]: QueueName.Contracts,
  [JobName.RenderSignedContractCopy]: QueueName.Contracts,
  [JobName.SweepContracts]: QueueName.Contracts,
  [JobName.ComputeFeeRun]: QueueName.Fees,
  [JobName.ExportFeeRun]: QueueName.Fees,
  [JobName.SweepInactiveExperts]: QueueName.Privacy,
  [JobName.PurgeExpiredPayrollFiles]: QueueName.Privacy,
};

// Payloads carry ids only: the handler reloads what it needs, so no personal data ever sits in Redis.
export interface JobPayloads {
  [JobName.SendMail]: { messageId: string };
  [JobName.SweepMail]: Record<string, never>;
  [JobName.ExpireOffer]: { offerId: string };
  [JobName.RemindCompletion]: { assignmentId: string };
  [JobName.RenderContractPdf]: { contractId: string };
  [JobName.RenderSignedContractCopy]: { contractId: string };
  [JobName.SweepContracts]: Record<string, never>;
  [JobName.ComputeFeeRun]: { runId: string };
  [JobName.ExportFeeRun]: { runId: string };
  [JobName.SweepInactiveExperts]: Record<string, never>;
  [JobName.PurgeExpiredPayrollFiles]: Record<string, never>;
}
