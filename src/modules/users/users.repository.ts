import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DeepPartial, EntityManager, ILike, Repository } from 'typeorm';
import { containing } from '../../common/database/like-pattern';
import { Role } from '../../common/auth/role.enum';
import { ExpertEntity } from '../experts/entities/expert.entity';
import { MembershipEntity } from '../organisations/entities/membership.entity';
import { ListUsersQuery } from './dto/list-users.query';
import { UserEntity, UserStatus } from './entities/user.entity';

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

  // A new account waiting for its invitation to be taken up; an expert's also starts as an applicant.
  async addInvited(
    manager: EntityManager,
    { email, name, language }: Pick<UserEntity, 'email' | 'name' | 'language'>,
    role: Role,
  ): Promise<UserEntity> {
    const user = await this.save(manager, { email, name, role, language, status: UserStatus.Invited });
    if (role === Role.Expert) await this.addApplicant(manager, user.id);
    return user;
  }

  // An invited expert starts as an applicant: not bookable until the coordinator activates them.
  async addApplicant(manager: EntityManager, userId: string): Promise<void> {
    await manager.insert(ExpertEntity, { userId });
  }

  // Every admin row, locked in one order: two admins demoting or disabling each other at once cannot both succeed.
  lockAdmins(manager: EntityManager): Promise<Pick<UserEntity, 'id' | 'status'>[]> {
    return manager
      .createQueryBuilder(UserEntity, 'u')
      .select(['u.id', 'u.status'])
      .where('u.role = :role', { role: Role.Admin })
      .orderBy('u.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  // The row itself, locked: adding a membership reads the role under a share lock, so the two cannot cross.
  lockById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager
      .createQueryBuilder(UserEntity, 'u')
      .where('u.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  // Anything the expert role owns that outlives the account's role: the same tables whose keys refuse the deletion.
  async expertHasRecords(manager: EntityManager, userId: string): Promise<boolean> {
    const rows: { found: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM training_credentials WHERE expert_id = $1)
           OR EXISTS (SELECT 1 FROM offers WHERE expert_id = $1)
           OR EXISTS (SELECT 1 FROM assignments WHERE expert_id = $1)
           OR EXISTS (SELECT 1 FROM contracts WHERE expert_id = $1)
           OR EXISTS (SELECT 1 FROM claims WHERE expert_id = $1)
           OR EXISTS (SELECT 1 FROM fee_run_lines WHERE expert_id = $1) AS found`,
      [userId],
    );
    return rows[0]?.found === true;
  }

  countMemberships(manager: EntityManager, userId: string): Promise<number> {
    return manager.countBy(MembershipEntity, { userId });
  }

  // The applicant row and what hangs on it by cascade (times, payment details, calendar link); the keys of
  // certificates, offers and the rest refuse it.
  async removeExpert(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(ExpertEntity, { userId });
  }

  async update(manager: EntityManager, id: string, changes: Partial<UserEntity>): Promise<void> {
    await manager.update(UserEntity, { id }, changes);
  }

  // Newest first (a person just invited is at the top); `search` finds a part of the name or e-mail address.
  findPage(query: ListUsersQuery): Promise<[UserEntity[], number]> {
    const filters = { role: query.role, status: query.status };
    const like = query.search === undefined ? undefined : ILike(containing(query.search));
    return this.repo.findAndCount({
      where: like
        ? [
            { ...filters, name: like },
            { ...filters, email: like },
          ]
        : filters,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }
}
