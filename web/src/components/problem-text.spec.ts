import i18next, { type TFunction } from 'i18next';
import { ApiError } from '../api/problem';
import fi from '../i18n/fi.json';
import sv from '../i18n/sv.json';
import { problemText } from './problem-text';

async function translator(language: 'fi' | 'sv'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    showSupportNotice: false,
    resources: { fi: { translation: fi }, sv: { translation: sv } },
  });
  return instance.t;
}

const refusal = (body: object) => ApiError.from(409, { correlationId: 'c1', ...body });

// A refusal with several causes says the one the API names, never a guess among them.
describe('the words for a refusal of an offer', () => {
  it.each(['fi', 'sv'] as const)('in %s, says the reason the API names, each in words of its own', async (language) => {
    const t = await translator(language);
    const texts = ['accepted', 'declined', 'expired', 'withdrawn', 'requestCancelled'].map((reason) =>
      problemText(t, refusal({ code: 'OFFER_NOT_OPEN', reason })),
    );
    const table = (language === 'fi' ? fi : sv).errors.reason.OFFER_NOT_OPEN;
    expect(texts).toEqual([table.accepted, table.declined, table.expired, table.withdrawn, table.requestCancelled]);
    expect(new Set(texts).size).toBe(5);
  });

  it('keeps the code’s own words without a reason, or with one it has no words for', async () => {
    const t = await translator('fi');
    expect(problemText(t, refusal({ code: 'OFFER_NOT_OPEN' }))).toBe(fi.errors.code.OFFER_NOT_OPEN);
    expect(problemText(t, refusal({ code: 'OFFER_NOT_OPEN', reason: 'somethingNew' }))).toBe(
      fi.errors.code.OFFER_NOT_OPEN,
    );
    expect(problemText(t, refusal({ code: 'REQUEST_ALREADY_FILLED' }))).toBe(fi.errors.code.REQUEST_ALREADY_FILLED);
  });
});

// Retiring or erasing an expert still booked: the refusal says how many assignments to cancel first.
describe('the words for an expert still booked', () => {
  it.each(['fi', 'sv'] as const)('in %s, say how many assignments, in the right number', async (language) => {
    const t = await translator(language);
    const table = (language === 'fi' ? fi : sv).errors.code;
    const words = (bookedAssignments: number) =>
      problemText(t, refusal({ code: 'EXPERT_HAS_BOOKED_WORK', bookedAssignments }));
    expect(words(1)).toBe(table.EXPERT_HAS_BOOKED_WORK_one.replace('{{count}}', '1'));
    expect(words(3)).toBe(table.EXPERT_HAS_BOOKED_WORK_other.replace('{{count}}', '3'));
    expect(problemText(t, refusal({ code: 'EXPERT_HAS_BOOKED_WORK' }))).toBe(table.EXPERT_HAS_BOOKED_WORK);
  });
});
