import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StoredFileEntity } from './entities/stored-file.entity';

@Injectable()
export class FilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, file: Omit<StoredFileEntity, 'id' | 'createdAt'>): Promise<StoredFileEntity> {
    return manager.save(StoredFileEntity, file);
  }

  findWithBytes(id: string): Promise<StoredFileEntity | null> {
    return this.dataSource
      .getRepository(StoredFileEntity)
      .createQueryBuilder('f')
      .addSelect('f.bytes')
      .where('f.id = :id', { id })
      .getOne();
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(StoredFileEntity, { id });
  }
}
