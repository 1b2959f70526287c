// The contract number as the PDF title (info dictionary and XMP) carries it: without the characters markup
// would have to escape.
export function titleSafeNumber(contractNumber: string): string {
  return contractNumber.replace(/[<>&"']/g, '');
}
