import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DeepPartial, EntityManager, Repository } from 'typeorm';
import { ExpertEntity } from '../experts/entities/expert.entity';
import { ListUsersQuery } from './dto/list-users.query';
import { UserEntity } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  // Whether the account has a password, without loading the hash.
  async hasPassword(id: string): Promise<boolean> {
    const rows: { set: boolean }[] = await this.repo.query(
      'SELECT password_hash IS NOT NULL AS set FROM users WHERE id = $1',
      [id],
    );
    return rows[0]?.set === true;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email });
  }

  save(manager: EntityManager, user: DeepPartial<UserEntity>): Promise<UserEntity> {
    return manager.save(UserEntity, user);
  }

  // An invited expert starts as an applicant: not bookable until the coordinator activates them.
  async addApplicant(manager: EntityManager, userId: string): Promise<void> {
    await manager.insert(ExpertEntity, { userId });
  }

  async update(manager: EntityManager, id: string, changes: Partial<UserEntity>): Promise<void> {
    await manager.update(UserEntity, { id }, changes);
  }

  findPage(query: ListUsersQuery): Promise<[UserEntity[], number]> {
    return this.repo.findAndCount({
      where: { role: query.role, status: query.status },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }
}
