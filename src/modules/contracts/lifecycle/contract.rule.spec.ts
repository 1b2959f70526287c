import { Language } from '../../../common/i18n/language';
import { contractLanguage, contractNumber, defaultTerm, outsideTerm, termAfterMove, workDays } from './contract.rule';
import { ContractLanguage } from '../entities/contract.entity';

const work = (startsAt: string, endsAt: string, id = 'a') => ({
  id,
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
});

describe('contract rules', () => {
  describe('contractLanguage', () => {
    it.each([
      [Language.Fi, ['sv'], ContractLanguage.Fi],
      [Language.Sv, ['fi'], ContractLanguage.Sv],
      [Language.En, ['sv', 'en'], ContractLanguage.Sv],
      [Language.En, ['fi', 'sv'], ContractLanguage.Fi],
      [Language.En, ['en'], ContractLanguage.Fi],
    ])('an expert using %s who speaks %j gets a contract in %s', (ui, spoken, expected) => {
      expect(contractLanguage(ui, spoken)).toBe(expected);
    });
  });

  describe('workDays', () => {
    it('uses Helsinki days: 23:30 UTC is already the next day there', () => {
      expect(workDays(work('2026-03-04T23:30:00Z', '2026-03-05T01:00:00Z'))).toEqual({
        validFrom: '2026-03-05',
        validUntil: '2026-03-05',
      });
    });

    it('counts work ending exactly at local midnight in the day before', () => {
      expect(workDays(work('2026-03-04T20:00:00Z', '2026-03-04T22:00:00Z'))).toEqual({
        validFrom: '2026-03-04',
        validUntil: '2026-03-04',
      });
      expect(workDays(work('2026-03-04T20:00:00Z', '2026-03-04T22:00:00.001Z'))).toEqual({
        validFrom: '2026-03-04',
        validUntil: '2026-03-05',
      });
    });
  });

  describe('defaultTerm', () => {
    it('spans from the first day to the last day of the work', () => {
      const term = defaultTerm([
        work('2026-03-10T07:00:00Z', '2026-03-10T09:00:00Z'),
        work('2026-03-02T07:00:00Z', '2026-03-02T09:00:00Z'),
      ]);
      expect(term).toEqual({ validFrom: '2026-03-02', validUntil: '2026-03-10' });
    });

    it('refuses no work at all', () => {
      expect(() => defaultTerm([])).toThrow(RangeError);
    });
  });

  describe('outsideTerm', () => {
    const term = { validFrom: '2026-03-01', validUntil: '2026-03-31' };

    it('finds the work that starts before or ends after the term', () => {
      const inside = work('2026-03-01T06:00:00Z', '2026-03-01T08:00:00Z', 'first-day');
      const lastDay = work('2026-03-31T17:00:00Z', '2026-03-31T20:59:00Z', 'last-day'); // summer time: 20.00–23.59 local
      const before = work('2026-02-28T21:30:00Z', '2026-02-28T23:00:00Z', 'before'); // 23.30 local on 28 Feb
      const after = work('2026-03-31T20:30:00Z', '2026-03-31T21:30:00Z', 'after'); // 23.30–00.30 local
      expect(outsideTerm(term, [inside, lastDay, before, after]).map((w) => w.id)).toEqual(['before', 'after']);
    });
  });

  describe('contractNumber', () => {
    it('pads the sequence to six digits', () => {
      expect(contractNumber(2026, 123)).toBe('KOK-2026-000123');
      expect(contractNumber(2027, 1234567)).toBe('KOK-2027-1234567');
    });

    it('refuses a nonsense year or sequence', () => {
      expect(() => contractNumber(26, 1)).toThrow(RangeError);
      expect(() => contractNumber(2026, 0)).toThrow(RangeError);
    });
  });

  describe('termAfterMove', () => {
    const monday = work('2026-10-19T07:00:00Z', '2026-10-19T09:00:00Z');
    const wednesday = work('2026-10-21T07:00:00Z', '2026-10-21T09:00:00Z');
    const nextMonth = work('2026-11-03T07:00:00Z', '2026-11-03T09:00:00Z');

    it('moves a term that was the days of its work with the work', () => {
      expect(termAfterMove({ validFrom: '2026-10-19', validUntil: '2026-10-19' }, [monday], [wednesday])).toEqual({
        validFrom: '2026-10-21',
        validUntil: '2026-10-21',
      });
    });

    it('keeps a wider term the coordinator chose when the work still lies inside it', () => {
      const term = { validFrom: '2026-10-01', validUntil: '2026-10-31' };
      expect(termAfterMove(term, [monday], [wednesday])).toEqual(term);
    });

    it('widens a chosen term only as far as the moved work needs', () => {
      const term = { validFrom: '2026-10-01', validUntil: '2026-10-31' };
      expect(termAfterMove(term, [monday], [nextMonth])).toEqual({ validFrom: '2026-10-01', validUntil: '2026-11-03' });
    });

    it('follows the works of a series whose term was their days', () => {
      expect(
        termAfterMove(
          { validFrom: '2026-10-19', validUntil: '2026-10-21' },
          [monday, wednesday],
          [wednesday, nextMonth],
        ),
      ).toEqual({ validFrom: '2026-10-21', validUntil: '2026-11-03' });
    });
  });
});
