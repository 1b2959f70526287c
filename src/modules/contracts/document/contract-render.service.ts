import { Injectable } from '@nestjs/common';
import { ContractDocument } from './contract-document';
import { renderContractPdf } from './contract-pdf.renderer';

// The renderer as a provider: the job and the information copy go through it, and tests can make it fail.
@Injectable()
export class ContractRenderService {
  render(document: ContractDocument): Promise<Buffer> {
    return Promise.resolve().then(() => renderContractPdf(document));
  }
}
