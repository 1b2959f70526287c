import { titleSafeNumber } from './contract-number.util';

describe('titleSafeNumber', () => {
  it('keeps an ordinary contract number as it is', () => {
    expect(titleSafeNumber('KOK-2026-000123')).toBe('KOK-2026-000123');
  });

  it('drops every character markup would have to escape, and only those', () => {
    expect(titleSafeNumber(`<KOK>&"2026'-1 ä/ö`)).toBe('KOK2026-1 ä/ö');
  });
});
