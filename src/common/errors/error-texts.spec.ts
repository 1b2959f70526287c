import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

// Codes the web app never meets, so it has no words for them (its generic sentence and the correlation id stand).
const NOT_MET_IN_THE_WEB_APP: Record<string, string> = {
  BODY_TOO_DEEP: 'the web app sends flat JSON objects',
  BODY_NOT_OBJECT: 'the web app sends flat JSON objects',
  MALFORMED_PATH: 'the web app builds its paths from ids',
  PATH_PARAMETER_TOO_LONG: 'the web app builds its paths from ids',
  MALFORMED_REQUEST: 'the browser itself writes well-formed HTTP',
  HEADERS_TOO_LARGE: 'the web app sends a token and a few short headers',
  REQUEST_TIMEOUT: 'the browser itself writes well-formed HTTP',
  UNSUPPORTED_CHARSET: 'the browser sends its JSON as UTF-8',
  REQUEST_ABORTED: 'the answer to a request whose sender has gone; nobody reads it',
  ROUTE_NOT_DECLARED: 'a route without an access rule is a defect (test/api/app/routes-declared.ts)',
  MULTIPART_REQUIRED: 'the upload forms always send multipart/form-data',
  MALFORMED_MULTIPART: 'the upload forms always send multipart/form-data',
  TOO_MANY_PARTS: 'the upload forms send one file and their own fields',
  CURRENT_PASSWORD_WRONG: 'no screen of the web app changes the password of a signed-in person',
  CALENDAR_FEED_NOT_FOUND: 'the feed is read by calendar programs, not the web app',
  FEE_RUN_CRASHED: 'stored on a failed run and shown from feeRuns.failed.codes',
  FEE_NEGATIVE_VALUE: 'guards the money rules against data the forms and DTOs never let in',
  FEE_NOT_AN_INTEGER: 'guards the money rules against data the forms and DTOs never let in',
  FEE_OUT_OF_RANGE: 'guards the money rules against data the forms and DTOs never let in',
  FEE_INVALID_DATE: 'guards the money rules against data the forms and DTOs never let in',
  FEE_INVALID_TIMESTAMP: 'guards the money rules against data the forms and DTOs never let in',
  FEE_INVALID_TAX_PERCENT: 'guards the money rules against data the forms and DTOs never let in',
};
// The fee-run page has its own words for the fee runs' refusals.
const FEE_RUN_PAGE = ['FEE_RUN_IN_PROGRESS', 'FEE_RUN_STATUS_CONFLICT', 'FEE_RUN_SECOND_APPROVER_REQUIRED'];

// Every code of every feature's error enum (and the validation code).
async function apiCodes(): Promise<string[]> {
  const files = [
    ...readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.errors.ts'))
      .map((file) => join('src', file)),
    'src/common/errors/domain-error.ts',
  ];
  const codes = new Set<string>();
  for (const file of files) {
    const exports = (await import(join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (!name.endsWith('ErrorCode') || typeof value !== 'object' || value === null) continue;
      for (const code of Object.values(value)) if (typeof code === 'string') codes.add(code);
    }
  }
  return [...codes].sort();
}

type Texts = { errors: { code: Record<string, string> }; feeRuns: { errors: Record<string, string> } };
const texts = (language: string): Texts =>
  JSON.parse(readFileSync(join(ROOT, 'web', 'src', 'i18n', `${language}.json`), 'utf8')) as Texts;

// A refusal the web app shows is in the person's words: the API's codes and the web app's texts stay one list.
describe('the web app’s words for the API’s error codes', () => {
  let codes: string[] = [];
  beforeAll(async () => (codes = await apiCodes()));

  it('finds the codes of every feature', () => {
    expect(codes.length).toBeGreaterThan(100);
    expect(codes).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'REQUEST_STATUS_CONFLICT', 'EMAIL_TAKEN']));
  });

  it.each(['fi', 'sv', 'en'])('has words in %s for every code a person can meet', (language) => {
    const { errors, feeRuns } = texts(language);
    const speechless = codes.filter(
      (code) =>
        !(code in NOT_MET_IN_THE_WEB_APP) &&
        !errors.code[code] &&
        !(FEE_RUN_PAGE.includes(code) && feeRuns.errors[code]),
    );
    expect(speechless).toEqual([]);
  });

  it.each(['fi', 'sv', 'en'])('in %s, names no code the API does not have', (language) => {
    const generic = ['NOT_FOUND', 'FORBIDDEN', 'TOO_MANY_REQUESTS', 'INTERNAL_ERROR', 'PAYLOAD_TOO_LARGE'];
    const pg = ['CONCURRENT_UPDATE'];
    const { errors } = texts(language);
    // A code's plural forms (i18next's `_one`, `_other`) are words for the code itself.
    const unknown = Object.keys(errors.code)
      .map((key) => key.replace(/_(zero|one|two|few|many|other)$/, ''))
      .filter((code) => !codes.includes(code) && ![...generic, ...pg].includes(code));
    expect(unknown).toEqual([]);
  });

  it('lists as not met only codes the API has', () => {
    expect(Object.keys(NOT_MET_IN_THE_WEB_APP).filter((code) => !codes.includes(code))).toEqual([]);
  });
});
