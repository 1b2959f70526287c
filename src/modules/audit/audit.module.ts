import { Global, Module } from '@nestjs/common';
import { DeniedAccessLog } from '../../common/auth/denied-access-log';
import { AuditService } from './audit.service';

@Global()
@Module({
  providers: [AuditService, { provide: DeniedAccessLog, useExisting: AuditService }],
  exports: [AuditService, DeniedAccessLog],
})
export class AuditModule {}
