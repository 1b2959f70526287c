// What audit offers other features on purpose (see "Module boundaries" in the README), with AuditModule's providers.
// Every feature records what it did in the one audit trail.
export { AuditService } from './audit.service';
export type { AuditEvent } from './audit.service';
