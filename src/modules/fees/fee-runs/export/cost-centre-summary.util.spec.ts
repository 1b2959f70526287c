import { costCentreSummaryCsv } from './cost-centre-summary.util';

describe('cost centre summary CSV', () => {
  it('totals each cost centre with the cost to the county', () => {
    const csv = costCentreSummaryCsv([
      {
        costCentre: 'PSY-01',
        organisationCode: 'PSY-01',
        organisationNameFi: 'Psykiatria',
        organisationNameSv: 'Psykiatri',
        lines: 2,
        minutes: 330,
        grossFeeCents: 13750,
        travelAndCostsCents: 2000,
        withholdingCents: 1718,
        netCents: 14032,
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe('PSY-01,PSY-01,Psykiatria,Psykiatri,2,5.50,137.50,20.00,157.50,17.18,140.32');
  });
});
