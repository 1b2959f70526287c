import { Role } from '../../../common/auth/role.enum';
import { FeedbackAuthor } from '../entities/feedback.entity';
import { readableSides, writingSide } from './feedback-sides.rule';

const viewer = (role: Role, isAssignmentExpert = false, isOrderingMember = false) => ({
  role,
  isAssignmentExpert,
  isOrderingMember,
});

describe('feedback sides', () => {
  it.each([
    ['a member of the ordering unit', viewer(Role.Orderer, false, true), FeedbackAuthor.Orderer],
    ['an orderer of another unit', viewer(Role.Orderer), null],
    ['the assignment’s expert', viewer(Role.Expert, true), FeedbackAuthor.Expert],
    ['another expert', viewer(Role.Expert), null],
    ['a coordinator', viewer(Role.Coordinator, true, true), null],
    ['an admin', viewer(Role.Admin, true, true), null],
  ])('lets %s write for side %s', (_who, v, side) => {
    expect(writingSide(v)).toBe(side);
  });

  it.each([
    ['a coordinator', viewer(Role.Coordinator), [FeedbackAuthor.Orderer, FeedbackAuthor.Expert]],
    // PRODUCT §1: the admin keeps accounts, not what people wrote about the work.
    ['an admin', viewer(Role.Admin), null],
    ['a member of the ordering unit', viewer(Role.Orderer, false, true), [FeedbackAuthor.Orderer]],
    ['the assignment’s expert', viewer(Role.Expert, true), [FeedbackAuthor.Expert]],
    ['an orderer of another unit', viewer(Role.Orderer), null],
    ['another expert', viewer(Role.Expert), null],
  ])('lets %s read %j', (_who, v, sides) => {
    expect(readableSides(v)).toEqual(sides);
  });
});
