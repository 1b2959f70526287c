import { Global, Module } from '@nestjs/common';
import { DeniedAccessLog } from '../../common/auth/denied-access-log';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditTrailController } from './audit-trail.controller';
import { AuditTrailService } from './audit-trail.service';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditTrailController],
  providers: [
    AuditService,
    { provide: DeniedAccessLog, useExisting: AuditService },
    AuditTrailService,
    AuditEventsRepository,
  ],
  exports: [AuditService, DeniedAccessLog],
})
export class AuditModule {}
