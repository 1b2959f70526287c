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

  find(id: string): Promise<MailMessageEntity | null> {
    return this.repo().findOneBy({ id });
  }

  async countAttempt(id: string): Promise<void> {
    await this.repo().increment({ id }, 'attempts', 1);
  }

  async recordError(id: string, error: string): Promise<void> {
    await this.repo().update({ id }, { lastError: error });
  }

  // Delivered: the body goes.
  async markSent(id: string, at: Date): Promise<void> {
    await this.repo().update({ id }, { status: MailStatus.Sent, sentAt: at, textBody: null, lastError: null });
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
