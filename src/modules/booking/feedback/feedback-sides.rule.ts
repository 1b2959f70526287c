import { Role } from '../../../common/auth/role.enum';
import { FeedbackAuthor } from '../entities/feedback.entity';

export interface FeedbackViewer {
  role: Role;
  isAssignmentExpert: boolean;
  isOrderingMember: boolean;
}

// The side a caller writes for: a member of the ordering unit or project, or the assignment's own expert.
export function writingSide(viewer: FeedbackViewer): FeedbackAuthor | null {
  if (viewer.role === Role.Orderer && viewer.isOrderingMember) return FeedbackAuthor.Orderer;
  if (viewer.role === Role.Expert && viewer.isAssignmentExpert) return FeedbackAuthor.Expert;
  return null;
}

// The coordinator reads both sides; the admin neither (PRODUCT §1). Each side reads only what it wrote itself: an expert does not
// see the orderer's rating of them, nor the orderer the expert's, so that both can write frankly.
export function readableSides(viewer: FeedbackViewer): FeedbackAuthor[] | null {
  if (viewer.role === Role.Coordinator) return [FeedbackAuthor.Orderer, FeedbackAuthor.Expert];
  const side = writingSide(viewer);
  return side ? [side] : null;
}
