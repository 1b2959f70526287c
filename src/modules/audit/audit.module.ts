import { Global, Module } from '@nestjs/common';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditTrailController } from './audit-trail.controller';
import { AuditTrailService } from './audit-trail.service';
import { AuditService } from './audit.service';

@Global()
@Module({ controllers: [AuditTrailController], providers: [AuditService, AuditTrailService, AuditEventsRepository], exports: [AuditService] })
export class AuditModule {}
