import { randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { TokenRejection, tokenRejection } from './token-rejection';

const KEY = 'unit-secret-unit-secret-unit-secret-0123';
const OPTIONS = { algorithms: ['HS256'] as jwt.Algorithm[], issuer: 'kokemus', audience: 'kokemus-api' };
const claims = { sub: randomUUID(), sid: randomUUID(), iss: 'kokemus', aud: 'kokemus-api' };

// What jsonwebtoken says of a token, as passport-jwt hands it on (undefined when it verifies).
function verdict(token: string): unknown {
  try {
    jwt.verify(token, KEY, OPTIONS);
    return undefined;
  } catch (err) {
    return err;
  }
}
const classify = (token: string) => tokenRejection(`Bearer ${token}`, verdict(token));

describe('tokenRejection', () => {
  it('audits nothing when no credential was sent', () => {
    expect(tokenRejection(undefined, new Error('No auth token'))).toBeNull();
    expect(tokenRejection('  ', new Error('No auth token'))).toBeNull();
  });

  it('tells the reasons apart, naming the claims only of a token we signed', () => {
    const signed = (payload: object, options: jwt.SignOptions = {}) => jwt.sign(payload, KEY, options);
    const now = Math.floor(Date.now() / 1000);
    expect(tokenRejection('Basic dXNlcjpwYXNz', new Error('No auth token'))).toEqual({
      reason: TokenRejection.Malformed,
      claims: null,
    });
    expect(classify('garbage')).toEqual({ reason: TokenRejection.Malformed, claims: null });
    expect(classify(jwt.sign(claims, 'someone-else-someone-else-someone', { expiresIn: 60 }))).toEqual({
      reason: TokenRejection.BadSignature,
      claims: null,
    });
    expect(classify(jwt.sign(claims, '', { algorithm: 'none' } as jwt.SignOptions))).toEqual({
      reason: TokenRejection.WrongAlgorithm,
      claims: null,
    });
    expect(classify(signed(claims, { algorithm: 'HS384' }))).toEqual({
      reason: TokenRejection.WrongAlgorithm,
      claims: null,
    });
    const named = { claims: { sub: claims.sub, sid: claims.sid } };
    expect(classify(signed({ ...claims, exp: now - 5 }))).toEqual({ reason: TokenRejection.Expired, ...named });
    expect(classify(signed({ ...claims, nbf: now + 600 }))).toEqual({ reason: TokenRejection.NotYetValid, ...named });
    expect(classify(signed({ ...claims, aud: 'elsewhere' }))).toEqual({
      reason: TokenRejection.WrongIssuerOrAudience,
      ...named,
    });
    // Verified, then refused by the session lookup.
    expect(classify(signed(claims))).toEqual({ reason: TokenRejection.SessionEnded, ...named });
    // Signed, but not as we sign: no session named.
    expect(classify(signed({ ...claims, sid: undefined, exp: now - 5 }))).toEqual({
      reason: TokenRejection.Malformed,
      claims: null,
    });
  });
});
