import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { AuditService } from '../../audit';
import { PasswordHasher } from '../../auth';
import { AssignmentStatus } from '../../booking/entities/assignment.entity';
import { ContractAccess } from '../contract-access.service';
import { ContractPdfJob } from '../document/contract-pdf.job';
import { ContractSignedCopyJob } from '../document/contract-signed-copy.job';
import { ContractSnapshots } from '../document/contract-snapshots.service';
import { OPEN_ASSIGNMENT_STATUSES, refusal } from './contract-transitions.rule';
import { ContractsRepository } from '../contracts.repository';
import { ContractErrors, fromDatabase } from '../contracts.errors';
import { ContractsService } from './contracts.service';
import { SignContractDto } from '../dto/contract-actions.dto';
import { ContractResponse } from '../dto/contract.response';
import { ContractEntity, ContractStatus } from '../entities/contract.entity';

// The two acts that make a contract binding: the coordinator approves (freezing what it says and queueing its
// PDF), the expert signs the PDF they read (confirming the assignments it covers and queueing the signed copy).
@Injectable()
export class ContractSigningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractsRepository,
    private readonly access: ContractAccess,
    private readonly snapshots: ContractSnapshots,
    private readonly pdfJob: ContractPdfJob,
    private readonly signedCopyJob: ContractSignedCopyJob,
    private readonly service: ContractsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async approve(ctx: AuthContext, id: string): Promise<ContractResponse> {
    const current = await requireAccess(this.audit, ctx, this.access.contract(ctx, id));
    const refused = refusal('approve', current.status, current.terminationCause);
    if (refused) throw ContractErrors.refused(refused, 'approved');
    await this.dataSource
      .transaction(async (manager) => {
        const locked = await this.contracts.lockContract(manager, id);
        if (!locked) throw ContractErrors.notFound();
        const again = refusal('approve', locked.status, locked.terminationCause);
        if (again) throw ContractErrors.refused(again, 'approved');
        const assignments = await this.contracts.findAssignments(
          manager,
          await this.contracts.coveredAssignmentIds(manager, id),
        );
        if (allCancelled(assignments)) throw ContractErrors.refused('work_cancelled', 'approved');
        const closed = assignments.filter((a) => !OPEN_ASSIGNMENT_STATUSES.includes(a.status));
        if (closed.length > 0) throw ContractErrors.assignmentNotOpen(closed.map((a) => a.id));
        const now = this.clock.now();
        // What the contract says is fixed here, from the data as it is now; the PDF is rendered from it.
        const snapshot = await this.snapshots.build(manager, locked, assignments, { name: ctx.user.name, at: now });
        const approved = { status: ContractStatus.Approved, approvedBy: ctx.user.id, approvedAt: now, snapshot };
        await this.contracts.updateContract(manager, id, approved, ContractStatus.Draft);
        await this.audit.log(ctx, 'contract.approved', ['contract', id], {}, manager);
      })
      .catch((error: unknown) => {
        throw fromDatabase(error);
      });
    await this.pdfJob.enqueue(id);
    return this.service.reload(id);
  }

  // The password is checked again: a signature needs the person, not just a session that is still open.
  async sign(ctx: AuthContext, id: string, dto: SignContractDto): Promise<ContractResponse> {
    const current = await requireAccess(this.audit, ctx, this.access.contract(ctx, id));
    this.assertSignable(current);
    if (dto.pdfSha256 && dto.pdfSha256 !== current.pdfSha256) throw ContractErrors.pdfMismatch();
    if (!(await this.hasher.verify(await this.contracts.passwordHashOf(ctx.user.id), dto.password))) {
      await this.audit.log(ctx, 'contract.sign_refused', ['contract', id], { reason: 'password' });
      throw ContractErrors.wrongPassword();
    }
    await this.dataSource
      .transaction(async (manager) => {
        const locked = await this.contracts.lockContract(manager, id);
        if (!locked) throw ContractErrors.notFound();
        this.assertSignable(locked);
        const now = this.clock.now();
        const covered = await this.contracts.coveredAssignmentIds(manager, id);
        if (allCancelled(await this.contracts.findAssignments(manager, covered)))
          throw ContractErrors.refused('work_cancelled', 'signed');
        // A new version replaces the signed one in the same moment it is signed itself.
        let released: string[] = [];
        const [previous] = locked.supersedesId
          ? await this.contracts.lockContracts(manager, [locked.supersedesId])
          : [];
        if (previous && [ContractStatus.Signed, ContractStatus.Expired].includes(previous.status)) {
          await this.contracts.updateContract(manager, previous.id, {
            status: ContractStatus.Superseded,
            supersededById: id,
            supersededAt: now,
          });
          await this.audit.log(
            ctx,
            'contract.superseded',
            ['contract', previous.id],
            { by: id, from: previous.status },
            manager,
          );
          released = (await this.contracts.coveredAssignmentIds(manager, previous.id)).filter(
            (a) => !covered.includes(a),
          );
        }
        await this.contracts.updateContract(
          manager,
          id,
          {
            status: ContractStatus.Signed,
            signedAt: now,
            signedIp: ctx.ip.slice(0, 64),
            signedUserAgent: ctx.userAgent.slice(0, 512),
            signedPdfSha256: locked.pdfSha256,
          },
          ContractStatus.Approved,
        );
        const confirmed = await this.contracts.confirmAssignments(manager, covered);
        const unconfirmed = await this.contracts.unconfirmUncovered(manager, released, now);
        await this.audit.log(
          ctx,
          'contract.signed',
          ['contract', id],
          { pdfSha256: locked.pdfSha256, confirmed, unconfirmed },
          manager,
        );
        for (const assignmentId of confirmed) {
          await this.audit.log(ctx, 'assignment.confirmed', ['assignment', assignmentId], { contractId: id }, manager);
        }
      })
      .catch((error: unknown) => {
        throw fromDatabase(error);
      });
    await this.signedCopyJob.enqueue(id);
    return this.service.reload(id);
  }

  private assertSignable(contract: ContractEntity): void {
    const refused = refusal('sign', contract.status, contract.terminationCause);
    if (refused) throw ContractErrors.refused(refused, 'signed');
    if (!contract.pdfSha256) throw ContractErrors.pdfNotReady();
  }
}

// A contract is normally ended with its last cancelled assignment; this holds should one have been missed.
function allCancelled(assignments: { status: AssignmentStatus }[]): boolean {
  return assignments.length > 0 && assignments.every((a) => a.status === AssignmentStatus.Cancelled);
}
