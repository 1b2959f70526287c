import { localDate } from '../../../common/i18n/format';
import { Language } from '../../../common/i18n/language';
import { ContractLanguage } from '../entities/contract.entity';

export interface Term {
  validFrom: string; // YYYY-MM-DD, Helsinki
  validUntil: string; // YYYY-MM-DD, Helsinki, inclusive
}

export interface TimedWork {
  startsAt: Date;
  endsAt: Date; // exclusive
}

// The binding language is Finnish or Swedish (county rule 6); English is only an information copy. An expert
// who uses the service in English gets Swedish if they speak Swedish and not Finnish, otherwise Finnish.
export function contractLanguage(userLanguage: Language, spoken: readonly string[]): ContractLanguage {
  if (userLanguage === Language.Sv) return ContractLanguage.Sv;
  if (userLanguage === Language.Fi) return ContractLanguage.Fi;
  return spoken.includes('sv') && !spoken.includes('fi') ? ContractLanguage.Sv : ContractLanguage.Fi;
}

// The local days a piece of work touches: an end at midnight belongs to the day before.
export function workDays(work: TimedWork): Term {
  return { validFrom: localDate(work.startsAt), validUntil: localDate(new Date(work.endsAt.getTime() - 1)) };
}

// One contract per assignment by default: its term is the day (or days) of the work.
export function defaultTerm(works: readonly TimedWork[]): Term {
  if (works.length === 0) throw new RangeError('A term needs at least one piece of work');
  const days = works.map(workDays);
  return {
    validFrom: days.map((d) => d.validFrom).sort()[0],
    validUntil: days.map((d) => d.validUntil).sort()[days.length - 1],
  };
}

// A contract's term after one of its works moved: a term that was the days of its work (the default) follows the
// work; a term the coordinator chose stays, widened only as far as the work now needs.
export function termAfterMove(term: Term, before: readonly TimedWork[], after: readonly TimedWork[]): Term {
  const was = defaultTerm(before);
  const now = defaultTerm(after);
  if (was.validFrom === term.validFrom && was.validUntil === term.validUntil) return now;
  return {
    validFrom: now.validFrom < term.validFrom ? now.validFrom : term.validFrom,
    validUntil: now.validUntil > term.validUntil ? now.validUntil : term.validUntil,
  };
}

// The works that do not lie wholly inside the term.
export function outsideTerm<W extends TimedWork>(term: Term, works: readonly W[]): W[] {
  return works.filter((w) => {
    const days = workDays(w);
    return days.validFrom < term.validFrom || days.validUntil > term.validUntil;
  });
}

export function contractNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`Not a contract year: ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError(`Not a contract sequence number: ${sequence}`);
  return `KOK-${year}-${String(sequence).padStart(6, '0')}`;
}
