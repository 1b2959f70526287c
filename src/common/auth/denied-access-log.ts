import { RequestMeta } from './auth-context';

// Where the access guard writes a refused authorization. Declared here, so that common imports no feature;
// AuditModule provides it as its AuditService (the audit log).
export abstract class DeniedAccessLog {
  abstract record(entry: {
    actorId: string;
    action: 'authz.denied';
    meta: Partial<RequestMeta>;
    details: Record<string, string | number | boolean | null>;
  }): Promise<void>;
}
