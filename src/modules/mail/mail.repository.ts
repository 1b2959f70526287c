import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { MailMessageEntity, MailStatus } from './entities/mail-message.entity';

export type NewMail = Pick<
  MailMessageEntity,
  'userId' | 'aboutUserId' | 'template' | 'language' | 'toAddress' | 'subject' | 'textBody'
>;

const INSERT_MAIL_SQL = `INSERT INTO mail_messages (user_id, about_user_id, template, language, to_address, subject, text_body)
  VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`;

// The outbox: a mail row per message, written in the transaction of the change it tells about.
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Plain SQL of one constant text: a third of the ORM's save() in CPU, on every change that tells someone.
  async insert(manager: EntityManager, mail: NewMail): Promise<string> {
    const [row] = (await manager.query(INSERT_MAIL_SQL, [
      mail.userId,
      mail.aboutUserId,
      mail.template,
      mail.language,
      mail.toAddress,
      mail.subject,
      mail.textBody,
    ])) as Pick<MailMessageEntity, 'id'>[];
    return row.id;
  }

  // `use` in a transaction holding the message's row lock (null: the message is gone). An erasure's drop of unsent
  // mail (ExpertErasureRepository.dropMails) that comes meanwhile waits for it; a second job of the message too.
  withLocked<T>(
    id: string,
    use: (message: MailMessageEntity | null, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) =>
      use(await manager.findOne(MailMessageEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }), manager),
    );
  }

  async recordFailure(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.update(MailMessageEntity, { id }, { attempts: () => 'attempts + 1', lastError: error });
  }

  // Delivered: the body goes.
  async markSent(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(
      MailMessageEntity,
      { id },
      { attempts: () => 'attempts + 1', status: MailStatus.Sent, sentAt: at, textBody: null, lastError: null },
    );
  }

  async queuedBefore(before: Date, limit: number): Promise<string[]> {
    const rows = await this.repo().find({
      select: { id: true },
      where: { status: MailStatus.Queued, createdAt: LessThan(before) },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  private repo() {
    return this.dataSource.getRepository(MailMessageEntity);
  }
}
