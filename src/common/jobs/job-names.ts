export enum QueueName {
  Mail = 'mail',
}

export enum JobName {
  SendMail = 'send-mail',
  SweepMail = 'sweep-mail',
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.SendMail]: QueueName.Mail,
  [JobName.SweepMail]: QueueName.Mail,
};

// Payloads carry ids only: the handler reloads what it needs, so no personal data ever sits in Redis.
export interface JobPayloads {
  [JobName.SendMail]: { messageId: string };
  [JobName.SweepMail]: Record<string, never>;
}
