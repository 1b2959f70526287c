import { Injectable } from '@nestjs/common';
import { AppendedPdf, appendPagesIncrementally } from '../../../common/pdf/incremental-append';
import { renderSignaturePage, SignaturePageDocument } from './signature-page.renderer';

export type SignedCopyDocument = Omit<SignaturePageDocument, 'approvedBytes' | 'approvedPages'>;

// The signed copy as a provider: the approved PDF's bytes, unchanged, followed by the signature page as an
// incremental update. The job goes through it, and tests can make it fail.
@Injectable()
export class SignedCopyRenderer {
  render(approved: Buffer, page: SignedCopyDocument): Promise<AppendedPdf> {
    return appendPagesIncrementally(approved, (approvedPages) =>
      renderSignaturePage({ ...page, approvedBytes: approved.length, approvedPages }),
    );
  }
}
