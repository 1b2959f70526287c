import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ExpertEntity } from '../experts/entities/expert.entity';
import { UserEntity } from '../users/entities/user.entity';
import { CredentialStatus, TrainingCredentialEntity } from './entities/training-credential.entity';

export interface CredentialDecision {
  status: CredentialStatus.Verified | CredentialStatus.Rejected;
  rejectionReason: string | null;
  decidedBy: string;
  decidedAt: Date;
}

@Injectable()
export class CredentialsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // The experts feature asks this before activating an expert (county rule 2).
  hasVerifiedCredential(expertId: string): Promise<boolean> {
    return this.dataSource
      .getRepository(TrainingCredentialEntity)
      .existsBy({ expertId, status: CredentialStatus.Verified });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<TrainingCredentialEntity | null> {
    return manager.findOne(TrainingCredentialEntity, { where: { id }, relations: { file: true } });
  }

  findForExpert(expertId: string): Promise<TrainingCredentialEntity[]> {
    return this.dataSource.getRepository(TrainingCredentialEntity).find({
      where: { expertId },
      relations: { file: true },
      order: { completedOn: 'DESC', createdAt: 'DESC' },
    });
  }

  // Read here rather than through the experts feature, which depends on this one (hasVerifiedCredential).
  expertExists(expertId: string): Promise<boolean> {
    return this.dataSource.getRepository(ExpertEntity).existsBy({ userId: expertId });
  }

  findExpertUser(manager: EntityManager, expertId: string): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id: expertId });
  }

  // The expert's credential sent with `key` (the Idempotency-Key of its upload).
  findByKey(expertId: string, key: string): Promise<TrainingCredentialEntity | null> {
    return this.dataSource
      .getRepository(TrainingCredentialEntity)
      .findOne({ where: { expertId, idempotencyKey: key }, relations: { file: true } });
  }

  insert(
    manager: EntityManager,
    credential: Pick<
      TrainingCredentialEntity,
      'expertId' | 'type' | 'provider' | 'completedOn' | 'fileId' | 'idempotencyKey'
    >,
  ): Promise<TrainingCredentialEntity> {
    return manager.save(TrainingCredentialEntity, { ...credential, status: CredentialStatus.Pending });
  }

  // Only a pending credential is decided, in one statement: of two coordinators deciding at once, the
  // second waits for the first's row lock, then finds it no longer pending.
  async decidePending(
    manager: EntityManager,
    id: string,
    decision: CredentialDecision,
  ): Promise<TrainingCredentialEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .update(TrainingCredentialEntity)
      .set(decision)
      .where('id = :id AND status = :pending', { id, pending: CredentialStatus.Pending })
      .execute();
    return result.affected ? this.findById(id, manager) : null;
  }

  async deletePending(manager: EntityManager, id: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(TrainingCredentialEntity)
      .where('id = :id AND status = :pending', { id, pending: CredentialStatus.Pending })
      .execute();
    return Boolean(result.affected);
  }
}
