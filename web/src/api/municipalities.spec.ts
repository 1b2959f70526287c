import { municipalityOptions } from './municipalities';

const COUNTY = [
  ['152', 'Isokyrö', 'Storkyro'],
  ['231', 'Kaskinen', 'Kaskö'],
  ['280', 'Korsnäs', 'Korsnäs'],
  ['287', 'Kristiinankaupunki', 'Kristinestad'],
  ['399', 'Laihia', 'Laihela'],
  ['440', 'Luoto', 'Larsmo'],
  ['475', 'Maalahti', 'Malax'],
  ['499', 'Mustasaari', 'Korsholm'],
  ['545', 'Närpiö', 'Närpes'],
  ['598', 'Pietarsaari', 'Jakobstad'],
  ['599', 'Pedersöre', 'Pedersöre'],
  ['893', 'Uusikaarlepyy', 'Nykarleby'],
  ['905', 'Vaasa', 'Vasa'],
  ['946', 'Vöyri', 'Vörå'],
].map(([code, nameFi, nameSv]) => ({ code, nameFi, nameSv }));

describe('the municipalities to choose from', () => {
  it('are in the alphabetical order of the page’s language', () => {
    expect(municipalityOptions('sv', COUNTY).map((o) => o.label)).toEqual([
      'Jakobstad',
      'Kaskö',
      'Korsholm',
      'Korsnäs',
      'Kristinestad',
      'Laihela',
      'Larsmo',
      'Malax',
      'Nykarleby',
      'Närpes',
      'Pedersöre',
      'Storkyro',
      'Vasa',
      'Vörå',
    ]);
    expect(municipalityOptions('fi', COUNTY).map((o) => o.label)).toEqual([
      'Isokyrö',
      'Kaskinen',
      'Korsnäs',
      'Kristiinankaupunki',
      'Laihia',
      'Luoto',
      'Maalahti',
      'Mustasaari',
      'Närpiö',
      'Pedersöre',
      'Pietarsaari',
      'Uusikaarlepyy',
      'Vaasa',
      'Vöyri',
    ]);
    expect(municipalityOptions('en', COUNTY)[0]).toEqual({ value: '152', label: 'Isokyrö / Storkyro' });
  });
});
