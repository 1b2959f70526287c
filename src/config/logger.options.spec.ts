import { Writable } from 'node:stream';
import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { REDACT_PATHS } from './logger.options';

function logged(entry: object): string {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink).error(entry, 'Unhandled error');
  return lines.join('');
}

describe('what the log never holds', () => {
  it('keeps a failed query but not its values', () => {
    const error = new QueryFailedError(
      'UPDATE experts SET pause_reason = $1',
      ['uupumus, en jaksa nyt'],
      new Error('x'),
    );
    const line = logged({ err: error });
    expect(line).toContain('UPDATE experts SET pause_reason = $1');
    expect(line).not.toContain('uupumus');
  });

  it('keeps credentials and personal identifiers out of a logged body', () => {
    const line = logged({ body: { email: 'a@b.fi', password: 'salasana', iban: 'FI2112345600000785' } });
    expect(line).not.toMatch(/a@b\.fi|salasana|FI21/);
  });

  it('keeps an association’s account out of a logged body, as it is sent and as it is answered', () => {
    const line = logged({
      body: { association: { name: 'Yhdistys ry', iban: 'FI2112345600000785' }, associationIban: 'FI5542345670000081' },
    });
    expect(line).toContain('Yhdistys ry');
    expect(line).not.toMatch(/FI21|FI55/);
  });
});
