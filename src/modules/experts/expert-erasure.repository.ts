import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MailMessageEntity } from '../mail/entities/mail-message.entity';
import { UserEntity, UserStatus } from '../users/entities/user.entity';
import { ExpertEntity, ExpertStatus } from './entities/expert.entity';
import { PaymentDetailsEntity } from './entities/payment-details.entity';

export const ANONYMISED_NAME = 'Anonymised expert';
// What a returned claim keeps of the coordinator's reason (the claim's check wants one while it is returned).
export const ERASED_REASON = '–';
// What a kept receipt is called once the name the expert gave its file goes (the download adds the extension).
export const ERASED_FILE_NAME = 'receipt';

// Personal data held by other features, removed on erasure. The expert's files go, except the receipts of their
// claims: they are the vouchers of what the county paid or is to pay (and a claim's cost refers to its receipt).
const ERASABLE: readonly { table: string; column: string; keep?: string }[] = [
  { table: 'calendar_feeds', column: 'expert_id' },
  { table: 'availability_weekly_windows', column: 'expert_id' },
  { table: 'availability_one_off_windows', column: 'expert_id' },
  { table: 'availability_absences', column: 'expert_id' },
  { table: 'training_credentials', column: 'expert_id' },
  // A computing run's copy of the payment details (gone anyway once the run is computed).
  { table: 'fee_run_payees', column: 'expert_id' },
  {
    table: 'stored_files',
    column: 'owner_id',
    keep: 'EXISTS (SELECT 1 FROM claim_costs c WHERE c.receipt_file_id = stored_files.id)',
  },
];

// Words people wrote that may tell of the expert's health or life (PRODUCT.md §6): the expert's reasons for
// declining an offer and for withdrawing, their claims' notes and costs' descriptions, the coordinator's reasons for
// returning their claims, and the feedback's comments on their work; and the names the expert gave the files of
// the receipts that stay. The rows stay, with the history and the money they record; the words go.
const FREE_TEXT: readonly string[] = [
  `UPDATE offers SET decline_reason = NULL WHERE expert_id = $1 AND decline_reason IS NOT NULL`,
  `UPDATE assignments SET cancel_reason = NULL
    WHERE expert_id = $1 AND cancelled_by_party = 'expert' AND cancel_reason IS NOT NULL`,
  `UPDATE claims SET note = '' WHERE expert_id = $1 AND note <> ''`,
  `UPDATE claims SET return_reason = CASE WHEN status = 'returned' THEN '${ERASED_REASON}' END
    WHERE expert_id = $1 AND return_reason IS NOT NULL`,
  `UPDATE claim_costs c SET description = '' FROM claims cl
    WHERE cl.id = c.claim_id AND cl.expert_id = $1 AND c.description <> ''`,
  `UPDATE assignment_feedback f SET comment = '' FROM assignments a
    WHERE a.id = f.assignment_id AND a.expert_id = $1 AND f.comment <> ''`,
  `UPDATE stored_files SET original_name = '${ERASED_FILE_NAME}' WHERE owner_id = $1`,
  // Where the expert signed in from; the sessions stay, revoked, for the audit log's references to them.
  `UPDATE auth_sessions SET ip = NULL, user_agent = NULL WHERE user_id = $1`,
];

// The writes of an erasure (see ExpertAnonymiser), each inside the caller's transaction. Written here rather
// than through the other features' modules, which depend on this one.
@Injectable()
export class ExpertErasureRepository {
  // Locks the expert's row for the rest of the transaction.
  async lockStatus(manager: EntityManager, id: string): Promise<ExpertStatus | null> {
    const rows: { status: ExpertStatus }[] = await manager.query(
      `SELECT status FROM experts WHERE user_id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0]?.status ?? null;
  }

  async anonymiseAccount(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(
      UserEntity,
      { id },
      {
        name: ANONYMISED_NAME,
        email: `anonymised+${id}@invalid.invalid`,
        passwordHash: null,
        status: UserStatus.Disabled,
        disabledAt: at,
      },
    );
  }

  async anonymiseProfile(manager: EntityManager, id: string): Promise<void> {
    await manager.update(
      ExpertEntity,
      { userId: id },
      {
        status: ExpertStatus.Anonymised,
        phone: null,
        homeMunicipality: null,
        travelMunicipalities: [],
        languages: [],
        topics: [],
        topicsConsentAt: null,
        topicsConsentVersion: null,
        introFi: null,
        introSv: null,
        maxPerWeek: null,
        maxPerMonth: null,
        yearlyEarningsCeilingCents: null,
        pauseReason: null,
        inactivityNoticeAt: null,
      },
    );
  }

  // Payment details, the ERASABLE rows, the FREE_TEXT, and the unused links to set a password (of a disabled
  // account, refused anyway).
  async deletePersonalData(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.delete(PaymentDetailsEntity, { expertId: id });
    for (const { table, column, keep } of ERASABLE)
      await manager.query(`DELETE FROM ${table} WHERE ${column} = $1${keep ? ` AND NOT ${keep}` : ''}`, [id]);
    for (const sql of FREE_TEXT) await manager.query(sql, [id]);
    await manager.query(`UPDATE invitations SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [id, at]);
  }

  // The outbox. A mail not sent yet is dropped if it goes to the expert (its address is gone) or names them to
  // someone else (an orderer's "X withdrew"): the outbox holds the rendered text only, and rewriting a name in it
  // would be guesswork (inflected, or changed since), so the mail is not sent; the matter it told of stays in the
  // app. The mails sent to them keep their row without the address and the body. Returns how many were dropped.
  async dropMails(manager: EntityManager, id: string): Promise<number> {
    const [{ dropped }] = await manager.query(
      `WITH gone AS (
         DELETE FROM mail_messages WHERE (user_id = $1 OR about_user_id = $1) AND status <> 'sent' RETURNING 1)
       SELECT count(*)::int AS dropped FROM gone`,
      [id],
    );
    await manager.update(
      MailMessageEntity,
      { userId: id },
      { toAddress: 'anonymised@invalid.invalid', textBody: null, lastError: null },
    );
    return dropped as number;
  }

  // The person off the paid lines of anonymised experts: the name of an expert payee and the IBAN copy. With an
  // expert id, that expert's lines (who must be anonymised in this transaction); without, every anonymised
  // expert's lines paid since (the job's catch-up). Returns how many lines changed.
  async scrubPaidLines(manager: EntityManager, expertId?: string): Promise<number> {
    const [{ scrubbed }] = await manager.query(
      `WITH scrubbed AS (
       UPDATE fee_run_lines l
          SET payee_name = CASE WHEN l.payee_kind = 'association' THEN l.payee_name ELSE $1 END, iban_encrypted = NULL
         FROM fee_runs r, experts e
        WHERE r.id = l.run_id AND r.status = 'exported' AND e.user_id = l.expert_id
          AND ${expertId ? 'l.expert_id = $2' : `e.status = 'anonymised'`}
          AND (l.iban_encrypted IS NOT NULL OR (l.payee_kind <> 'association' AND l.payee_name <> $1))
        RETURNING 1)
       SELECT count(*)::int AS scrubbed FROM scrubbed`,
      expertId ? [ANONYMISED_NAME, expertId] : [ANONYMISED_NAME],
    );
    return scrubbed as number;
  }

  // The expert's own statement PDFs; returns how many went.
  async deleteStatements(manager: EntityManager, expertId: string): Promise<number> {
    const [{ statements }] = await manager.query(
      `WITH gone AS (DELETE FROM fee_run_files WHERE expert_id = $1 AND kind = 'statement' RETURNING 1) SELECT count(*)::int AS statements FROM gone`,
      [expertId],
    );
    return statements as number;
  }
}
