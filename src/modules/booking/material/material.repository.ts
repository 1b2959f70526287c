import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BookingRequestEntity } from '../entities/booking-request.entity';
import { OfferEntity } from '../entities/offer.entity';

@Injectable()
export class MaterialRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async setMaterialFile(manager: EntityManager, requestId: string, fileId: string | null): Promise<void> {
    await manager.update(BookingRequestEntity, { id: requestId }, { materialFileId: fileId });
  }

  // The request, if the work was offered to this expert.
  async findOfferedTo(requestId: string, expertId: string): Promise<BookingRequestEntity | null> {
    const offered = await this.dataSource.getRepository(OfferEntity).existsBy({ requestId, expertId });
    return offered ? this.dataSource.getRepository(BookingRequestEntity).findOneBy({ id: requestId }) : null;
  }
}
