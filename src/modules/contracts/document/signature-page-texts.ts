import { DocumentLanguage } from './contract-document';

// The signature page appended to a signed contract's approved document, in the contract's language.
export interface SignaturePageTexts {
  title: string;
  intro: (approvedPages: number) => string;
  signerLabel: string;
  signedAtLabel: string;
  timeZone: string;
  methodLabel: string;
  method: string;
  ipLabel: string;
  userAgentLabel: string;
  approverLabel: string;
  hashLabel: string;
  check: (approvedBytes: number) => string;
  fileTitle: (number: string, version: number) => string;
}

const FI: SignaturePageTexts = {
  title: 'Allekirjoitusvahvistus',
  intro: (n) =>
    `Tämä sivu on liitetty hyväksytyn sopimusasiakirjan perään, kun kokemusosaaja oli allekirjoittanut sen. Sivut 1–${n} ovat hyväksytty asiakirja muuttamattomana: se lukittiin ennen allekirjoitusta, joten allekirjoitus on merkitty tälle sivulle.`,
  signerLabel: 'Allekirjoittaja (kokemusosaaja)',
  signedAtLabel: 'Allekirjoitettu',
  timeZone: 'Suomen aikaa',
  methodLabel: 'Allekirjoitustapa',
  method: 'Sähköisesti Kokemus-palvelussa; allekirjoittaja vahvisti henkilöllisyytensä salasanallaan.',
  ipLabel: 'IP-osoite',
  userAgentLabel: 'Selain (user agent)',
  approverLabel: 'Hyväksynyt hyvinvointialueen puolesta',
  hashLabel: 'Hyväksytyn asiakirjan SHA-256-tiiviste',
  check: (bytes) =>
    `Tämän tiedoston ensimmäiset ${bytes} tavua ovat hyväksytty asiakirja sellaisenaan. Niiden SHA-256-tiiviste on yllä oleva, sama, jonka palvelu tallensi allekirjoituksen yhteydessä; sen voi laskea itse tarkistaakseen, ettei asiakirjaa ole muutettu.`,
  fileTitle: (number, version) => `Allekirjoitettu toimeksiantosopimus ${number}, versio ${version}`,
};

const SV: SignaturePageTexts = {
  title: 'Underskriftsbekräftelse',
  intro: (n) =>
    `Denna sida har fogats till det godkända avtalsdokumentet efter att erfarenhetsexperten undertecknat det. Sidorna 1–${n} är det godkända dokumentet i oförändrat skick: det låstes före underskriften, och därför antecknas underskriften på denna sida.`,
  signerLabel: 'Undertecknad av (erfarenhetsexpert)',
  signedAtLabel: 'Undertecknat',
  timeZone: 'finsk tid',
  methodLabel: 'Sätt att underteckna',
  method: 'Elektroniskt i tjänsten Kokemus; undertecknaren bekräftade sin identitet med sitt lösenord.',
  ipLabel: 'IP-adress',
  userAgentLabel: 'Webbläsare (user agent)',
  approverLabel: 'Godkänt för välfärdsområdets räkning',
  hashLabel: 'Det godkända dokumentets SHA-256-kontrollsumma',
  check: (bytes) =>
    `De första ${bytes} byten i denna fil är det godkända dokumentet som sådant. Deras SHA-256-kontrollsumma är den ovan angivna, samma som tjänsten sparade vid underskriften; den kan räknas ut för att kontrollera att dokumentet inte har ändrats.`,
  fileTitle: (number, version) => `Undertecknat visstidsavtal om uppdrag ${number}, version ${version}`,
};

const EN: SignaturePageTexts = {
  title: 'Signature confirmation',
  intro: (n) =>
    `This page was appended to the approved contract document after the expert by experience had signed it. Pages 1–${n} are the approved document, unchanged: it was fixed before signing, so the signature is recorded on this page.`,
  signerLabel: 'Signed by (expert by experience)',
  signedAtLabel: 'Signed at',
  timeZone: '',
  methodLabel: 'Method',
  method: 'Electronically in the Kokemus service; the signer confirmed their identity with their password.',
  ipLabel: 'IP address',
  userAgentLabel: 'Browser (user agent)',
  approverLabel: 'Approved for the county',
  hashLabel: 'SHA-256 of the approved document',
  check: (bytes) =>
    `The first ${bytes} bytes of this file are the approved document as it was. Their SHA-256 is the one above, recorded by the service at signing; anyone can compute it to check that the document has not been changed.`,
  fileTitle: (number, version) => `Signed fixed-term assignment contract ${number}, version ${version}`,
};

const TEXTS: Record<DocumentLanguage, SignaturePageTexts> = { fi: FI, sv: SV, en: EN };

export function signaturePageTexts(language: DocumentLanguage): SignaturePageTexts {
  const texts = TEXTS[language];
  if (!texts) throw new RangeError(`Unsupported document language: ${String(language)}`);
  return texts;
}
