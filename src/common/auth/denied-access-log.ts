import { AuthContext } from './auth-context';

// Where the access guard writes a refused route (an authz.denied row). Declared here, so that common imports no
// feature; AuditModule provides it as its AuditService (the audit log).
export abstract class DeniedAccessLog {
  abstract denied(
    ctx: AuthContext,
    target: readonly [entityType: string, entityId?: string | null] | null,
    details?: Record<string, string | number | boolean | null>,
  ): Promise<void>;
}
