import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../../config/app-config';
import { OrganisationKind } from '../../organisations/entities/organisation.entity';
import { Payee } from '../../experts/entities/payment-details.entity';
import { RatesRepository } from '../../fees';
import {
  buildContractDocument,
  ContractDocumentError,
  ContractSources,
  ContractTaskSource,
  feeTerms,
} from './contract-document.builder';
import { ContractsRepository } from '../contracts.repository';
import { ContractErrors } from '../contracts.errors';
import { ContractEntity } from '../entities/contract.entity';
import { ContractDocument } from './contract-document';
import { AssignmentWithRequest } from '../../booking/entities/assignment.entity';

// Gathers what a contract states from the database, at the moment of approval, and freezes it as the snapshot
// the PDF is rendered from. The fee and car rates come from the rates table, as the claim's do.
@Injectable()
export class ContractSnapshots {
  constructor(
    private readonly contracts: ContractsRepository,
    private readonly rates: RatesRepository,
    private readonly config: AppConfig,
  ) {}

  async tasks(manager: EntityManager, assignments: AssignmentWithRequest[]): Promise<ContractTaskSource[]> {
    const names = await this.contracts.municipalityNames(
      manager,
      assignments.map((a) => a.request.municipality),
    );
    return assignments.map((a) => ({
      assignmentId: a.id,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      taskType: a.request.taskType,
      title: a.request.title,
      remote: a.request.remote,
      municipality: a.request.municipality ? (names.get(a.request.municipality) ?? null) : null,
      address: a.request.address,
      preparationMinutes: a.request.preparationMinutes,
    }));
  }

  // Refuses, before anything is written, a set of assignments that one contract cannot state.
  async checkFeeTerms(manager: EntityManager, assignments: AssignmentWithRequest[]): Promise<void> {
    const tasks = await this.tasks(manager, assignments);
    const fees = await this.rates.currentFees(manager);
    translated(() => feeTerms(tasks, fees));
  }

  async build(
    manager: EntityManager,
    contract: ContractEntity,
    assignments: AssignmentWithRequest[],
    approvedBy: { name: string; at: Date } | null,
  ): Promise<ContractDocument> {
    const expert = await this.contracts.findExpert(manager, contract.expertId);
    const organisation = await this.contracts.findOrganisation(manager, contract.organisationId);
    if (!expert || !organisation) throw ContractErrors.notFound();
    const payment = await this.contracts.payeeTerms(manager, contract.expertId);
    const home =
      (await this.contracts.municipalityNames(manager, [expert.homeMunicipality])).get(expert.homeMunicipality ?? '') ??
      null;
    const sources: ContractSources = {
      language: contract.language,
      number: contract.number,
      version: contract.version,
      validFrom: contract.validFrom,
      validUntil: contract.validUntil,
      orderer: {
        kind: organisation.kind === OrganisationKind.Project ? 'project' : 'unit',
        code: organisation.code,
        nameFi: organisation.nameFi,
        nameSv: organisation.nameSv,
      },
      expert: { name: expert.user.name, dateOfBirth: payment?.dateOfBirth ?? null, municipality: home },
      payee: {
        kind: payment?.declinesFee ? 'declined' : payment?.payee === Payee.Association ? 'association' : 'expert',
        associationName: payment?.associationName ?? null,
      },
      tasks: await this.tasks(manager, assignments),
      lateCancellationHours: this.config.env.LATE_CANCELLATION_HOURS,
      approvedBy,
      rates: await this.rates.currentRates(manager),
    };
    return translated(() => buildContractDocument(sources));
  }
}

function translated<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw error instanceof ContractDocumentError ? ContractErrors.fromDocument(error) : error;
  }
}
