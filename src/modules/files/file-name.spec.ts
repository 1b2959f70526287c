import { attachmentDisposition, downloadFileName, sanitiseFileName } from './file-name';
import { MediaType } from './media-type';

describe('sanitiseFileName', () => {
  it.each([
    ['Koulutustodistus.pdf', 'Koulutustodistus.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\maija\\todistus.pdf', 'todistus.pdf'],
    ['todistus\u202Efdp.exe', 'todistusfdp.exe'],
    ['todi\u200Bstus.pdf', 'todistus.pdf'],
    ['a\r\nContent-Type: x.pdf', 'aContent-Type x.pdf'],
    ['"quoted" <name>.png', 'quoted name.png'],
    ['   .hidden.pdf  ', 'hidden.pdf'],
    ['', 'file'],
    [undefined, 'file'],
    ['...', 'file'],
    ['Intyg från Vasa.pdf', 'Intyg från Vasa.pdf'],
  ])('turns %j into %j', (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = sanitiseFileName(`${'ä'.repeat(300)}.pdf`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('ä.pdf')).toBe(true);
  });
});

describe('downloadFileName', () => {
  it('keeps a name whose extension matches the type', () => {
    expect(downloadFileName('todistus.PDF', MediaType.Pdf)).toBe('todistus.PDF');
    expect(downloadFileName('kuva.jpeg', MediaType.Jpeg)).toBe('kuva.jpeg');
  });

  it('adds the real extension when the name claims another type', () => {
    expect(downloadFileName('todistus.pdf', MediaType.Png)).toBe('todistus.pdf.png');
    expect(downloadFileName('file', MediaType.Jpeg)).toBe('file.jpg');
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition("Intyg (Vörå) 'x'.pdf")).toBe(
      `attachment; filename="Intyg (Vora) _x_.pdf"; filename*=UTF-8''Intyg%20%28V%C3%B6r%C3%A5%29%20%27x%27.pdf`,
    );
  });
});
