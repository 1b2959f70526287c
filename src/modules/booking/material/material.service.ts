import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '../../../common/auth/auth-context';
import { Role } from '../../../common/auth/role.enum';
import { AuditService } from '../../audit';
import { FileDownload, FilesService, Upload } from '../../files';
import { BookingErrors } from '../booking.errors';
import { BookingRequestsService } from '../requests/booking-requests.service';
import { RequestResponse } from '../dto/booking.response';
import { BookingRequestEntity, RequestStatus } from '../entities/booking-request.entity';
import { BookingRepository } from '../booking.repository';
import { MaterialRepository } from './material.repository';

// Material for the expert as a file: attached to a draft by the orderer, read by whoever may read the order
// and by an expert the work was offered to.
@Injectable()
export class MaterialService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: BookingRequestsService,
    private readonly booking: BookingRepository,
    private readonly material: MaterialRepository,
    private readonly files: FilesService,
    private readonly audit: AuditService,
  ) {}

  async attach(ctx: AuthContext, id: string, upload: Upload): Promise<RequestResponse> {
    const request = await this.requests.visible(ctx, id);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockDraft(manager, request);
      const stored = await this.files.store(manager, ctx.user.id, upload);
      await this.material.setMaterialFile(manager, id, stored.id);
      if (locked.materialFileId) await this.files.remove(manager, locked.materialFileId);
      await this.audit.log(ctx, 'request.material_attached', ['booking_request', id], { fileId: stored.id }, manager);
    });
    return this.requests.get(ctx, id);
  }

  async remove(ctx: AuthContext, id: string): Promise<void> {
    const request = await this.requests.visible(ctx, id);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockDraft(manager, request);
      if (!locked.materialFileId) throw BookingErrors.materialNotFound();
      await this.material.setMaterialFile(manager, id, null);
      await this.files.remove(manager, locked.materialFileId);
      await this.audit.log(
        ctx,
        'request.material_removed',
        ['booking_request', id],
        { fileId: locked.materialFileId },
        manager,
      );
    });
  }

  async download(ctx: AuthContext, id: string): Promise<FileDownload> {
    const request =
      ctx.user.role === Role.Expert ? await this.offeredTo(ctx, id) : await this.requests.visible(ctx, id);
    const file = request.materialFileId ? await this.files.download(request.materialFileId) : null;
    if (!file) throw BookingErrors.materialNotFound();
    return file;
  }

  // Material changes only on a draft, under the request's lock.
  private async lockDraft(manager: EntityManager, request: BookingRequestEntity): Promise<BookingRequestEntity> {
    const locked = await this.booking.lockRequest(manager, request.id);
    if (!locked || locked.status !== RequestStatus.Draft)
      throw BookingErrors.requestStatusConflict(locked?.status ?? request.status, 'edited');
    return locked;
  }

  // An expert reads the material of work offered to them, and of no other.
  private async offeredTo(ctx: AuthContext, id: string): Promise<BookingRequestEntity> {
    const request = await this.material.findOfferedTo(id, ctx.user.id);
    if (!request) {
      await this.audit.denied(ctx, ['booking_request', id]);
      throw BookingErrors.requestNotFound();
    }
    return request;
  }
}
