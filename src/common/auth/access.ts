import { DomainError } from '../errors/domain-error';
import { AuthContext } from './auth-context';

// What requireAccess needs of the audit log (the AuditService has it): one authz.denied row per refusal.
export interface DeniedAudit {
  denied(ctx: AuthContext, target: readonly [entityType: string, entityId?: string | null]): Promise<void>;
}

// One object-level check: which row, how to load it, who may act on it, and what a refused caller is told.
export interface AccessRequest<T> {
  // The row's type in the audit log ('claim', 'assignment', ...) and its id.
  entityType: string;
  id: string;
  find: () => Promise<T | null>;
  allows: (row: T) => boolean | Promise<boolean>;
  notFound: () => DomainError;
  // By default a refused caller is told the row does not exist, so that another's ids tell nothing.
  refused?: () => DomainError;
}

// Object-level access, in the shape of immich's requireAccess: the first call of every service method that reads or
// changes another's rows. The route's roles are already checked (AccessGuard); this decides the row. A missing row
// is notFound; a row the caller may not touch is refused and leaves an authz.denied row in the audit log (outside
// any transaction, so it stays when the refusal throws). Returns the row, loaded once.
export async function requireAccess<T>(audit: DeniedAudit, ctx: AuthContext, request: AccessRequest<T>): Promise<T> {
  const row = await request.find();
  if (row === null) throw request.notFound();
  if (!(await request.allows(row))) {
    await audit.denied(ctx, [request.entityType, request.id]);
    throw (request.refused ?? request.notFound)();
  }
  return row;
}
