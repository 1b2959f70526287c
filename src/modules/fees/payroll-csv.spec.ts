import { costCentreSummaryCsv } from './cost-centre-summary';
import { csvCell, euros, hours, PAYROLL_COLUMNS, payrollHeader, payrollLine, PayrollRow } from './payroll-csv';

const row = (overrides: Partial<PayrollRow> = {}): PayrollRow => ({
  runId: 'run-1',
  lineId: 'line-1',
  claimId: 'claim-1',
  payeeKind: 'expert',
  payeeName: 'Åsa Öhman',
  payeeBusinessId: null,
  iban: 'FI2112345600000785',
  expertId: 'expert-1',
  expertName: 'Åsa Öhman',
  workDate: '2026-10-20',
  taskType: 'working_group',
  incomeType: '210',
  quarterHours: 11,
  grossFeeCents: 6875,
  taxPercent: '12.50',
  withholdingCents: 859,
  carTravelCents: 1348,
  costsCents: 480,
  travelAndCostsCents: 1828,
  netCents: 7844,
  costCentre: 'PSY-01',
  ...overrides,
});

describe('payroll CSV', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [6875, '68.75'],
    [123456789, '1234567.89'],
  ])('writes %i cents as %s', (cents, text) => {
    expect(euros(cents)).toBe(text);
  });

  it('writes billable hours from quarter hours', () => {
    expect(hours(11)).toBe('2.75');
    expect(hours(0)).toBe('0.00');
  });

  it('has a header naming every documented column, in order', () => {
    expect(payrollHeader()).toBe(`${PAYROLL_COLUMNS.map((c) => c.name).join(',')}\r\n`);
    expect(PAYROLL_COLUMNS).toHaveLength(21);
  });

  it('writes one row with every column', () => {
    expect(payrollLine(row())).toBe(
      'run-1,line-1,claim-1,expert,Åsa Öhman,,FI2112345600000785,expert-1,Åsa Öhman,2026-10-20,working_group,210,2.75,68.75,12.50,8.59,13.48,4.80,18.28,78.44,PSY-01\r\n',
    );
  });

  it('shows 60 % for an expert without a tax card and nothing for an association', () => {
    expect(payrollLine(row({ taxPercent: null })).split(',')[14]).toBe('60.00');
    expect(payrollLine(row({ payeeKind: 'association', taxPercent: null, payeeBusinessId: '1572860-0' })).split(',')[14]).toBe('');
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('Yhdistys, ry')).toBe('"Yhdistys, ry"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    const line = payrollLine(row({ payeeName: '=HYPERLINK("x")', expertName: 'Anna\nBerg' }));
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain('"Anna\nBerg"');
  });
});

describe('cost centre summary CSV', () => {
  it('totals each cost centre with the cost to the county', () => {
    const csv = costCentreSummaryCsv([
      { costCentre: 'PSY-01', organisationCode: 'PSY-01', organisationNameFi: 'Psykiatria', organisationNameSv: 'Psykiatri', lines: 2, minutes: 330, grossFeeCents: 13750, travelAndCostsCents: 2000, withholdingCents: 1718, netCents: 14032 },
    ]);
    expect(csv.split('\r\n')[1]).toBe('PSY-01,PSY-01,Psykiatria,Psykiatri,2,5.50,137.50,20.00,157.50,17.18,140.32');
  });
});
