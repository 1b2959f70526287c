import { costCentreSummaryCsv } from './cost-centre-summary.util';
import { csvCell, euros, hours, PAYROLL_COLUMNS, payrollHeader, payrollLines, PayrollRow } from './payroll-csv.util';

const row = (overrides: Partial<PayrollRow> = {}): PayrollRow => ({
  runId: 'run-1',
  paymentDate: '2026-11-06',
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
  publicTransportCents: 0,
  parkingCents: 0,
  otherCostsCents: 480,
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
    expect(PAYROLL_COLUMNS).toHaveLength(20);
  });

  it('writes the fee, the kilometre allowance and other costs on rows of their own, each with the claim id and the payment date', () => {
    expect(payrollLines(row())).toBe(
      'run-1,line-1,claim-1,fee,expert,Åsa Öhman,,FI2112345600000785,expert-1,Åsa Öhman,2026-10-20,working_group,210,2.75,68.75,12.50,8.59,60.16,PSY-01,2026-11-06\r\n' +
        'run-1,line-1,claim-1,car_travel,expert,Åsa Öhman,,FI2112345600000785,expert-1,Åsa Öhman,2026-10-20,working_group,,,13.48,,0.00,13.48,PSY-01,2026-11-06\r\n' +
        'run-1,line-1,claim-1,other_costs,expert,Åsa Öhman,,FI2112345600000785,expert-1,Åsa Öhman,2026-10-20,working_group,,,4.80,,0.00,4.80,PSY-01,2026-11-06\r\n',
    );
  });

  it('writes public transport, parking and other costs each on a row of its own, in that order', () => {
    const costs = row({
      publicTransportCents: 320,
      parkingCents: 150,
      otherCostsCents: 10,
      travelAndCostsCents: 1828,
    });
    expect(
      payrollLines(costs)
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(',').slice(3, 4).concat(l.split(',').slice(14, 18))),
    ).toEqual([
      ['fee', '68.75', '12.50', '8.59', '60.16'],
      ['car_travel', '13.48', '', '0.00', '13.48'],
      ['public_transport', '3.20', '', '0.00', '3.20'],
      ['parking', '1.50', '', '0.00', '1.50'],
      ['other_costs', '0.10', '', '0.00', '0.10'],
    ]);
    // A kind with nothing to pay has no row.
    expect(payrollLines(row({ publicTransportCents: 480, otherCostsCents: 0 }))).not.toMatch(/,(parking|other_costs),/);
  });

  it('adds up, row by row, to the line’s fee, travel and costs, withholding and net', () => {
    for (const r of [
      row(),
      row({ carTravelCents: 0, travelAndCostsCents: 480, netCents: 6496 }),
      row({ otherCostsCents: 0, travelAndCostsCents: 1348, netCents: 7364 }),
      row({ publicTransportCents: 250, parkingCents: 130, otherCostsCents: 100 }),
    ]) {
      const rows = payrollLines(r)
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(','));
      const sum = (kinds: string[], column: number) =>
        rows.filter((c) => kinds.includes(c[3])).reduce((s, c) => s + Math.round(Number(c[column]) * 100), 0);
      expect(rows.every((c) => c[2] === 'claim-1')).toBe(true);
      expect(sum(['fee'], 14)).toBe(r.grossFeeCents);
      const travel = ['car_travel', 'public_transport', 'parking', 'other_costs'];
      expect(sum(travel, 14)).toBe(r.travelAndCostsCents);
      expect(sum(['fee', ...travel], 16)).toBe(r.withholdingCents);
      expect(sum(['fee', ...travel], 17)).toBe(r.netCents);
      expect(rows.every((c) => ['fee', ...travel].includes(c[3]))).toBe(true);
    }
  });

  it('writes no fee row for a volunteer who declined the fee, unless the claim has nothing else', () => {
    const volunteer = {
      payeeKind: 'declined' as const,
      taxPercent: null,
      grossFeeCents: 0,
      withholdingCents: 0,
      otherCostsCents: 0,
      travelAndCostsCents: 1348,
      netCents: 1348,
    };
    expect(
      payrollLines(row(volunteer))
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(',')[3]),
    ).toEqual(['car_travel']);
    expect(
      payrollLines(row({ ...volunteer, carTravelCents: 0, travelAndCostsCents: 0, netCents: 0 }))
        .split(',')
        .slice(3, 4),
    ).toEqual(['fee']);
  });

  it('shows 60 % for an expert without a tax card and nothing for an association', () => {
    expect(payrollLines(row({ taxPercent: null })).split(',')[15]).toBe('60.00');
    expect(
      payrollLines(row({ payeeKind: 'association', taxPercent: null, payeeBusinessId: '1572860-0' })).split(',')[15],
    ).toBe('');
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('Yhdistys, ry')).toBe('"Yhdistys, ry"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    const line = payrollLines(row({ payeeName: '=HYPERLINK("x")', expertName: 'Anna\nBerg' }));
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain('"Anna\nBerg"');
  });

  it('defuses the full-width formula signs a spreadsheet also reads as formulas, in every CSV', () => {
    expect(payrollLines(row({ payeeName: '\uFF1DSUM(A1)', expertName: '\uFF0B1' }))).toContain(
      `,'\uFF1DSUM(A1),,FI2112345600000785,expert-1,'\uFF0B1,`,
    );
    const summary = costCentreSummaryCsv([
      {
        costCentre: '@x',
        organisationCode: '\uFF20y',
        organisationNameFi: '-1',
        organisationNameSv: 'Psykiatri',
        lines: 0,
        minutes: 0,
        grossFeeCents: 0,
        travelAndCostsCents: 0,
        withholdingCents: 0,
        netCents: 0,
      },
    ]);
    expect(summary.split('\r\n')[1]).toBe(`'@x,'\uFF20y,'-1,Psykiatri,0,0.00,0.00,0.00,0.00,0.00,0.00`);
  });
});
