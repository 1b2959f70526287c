import { RequestMeta } from './auth-context';

// Why a bearer token was refused, as the audit log records it (auth.token_rejected). The first three are refused
// before the signature is trusted; from expired on, the token carries our own signature.
export enum TokenRejection {
  // Not three base64url parts of JSON, an Authorization header that is not "Bearer <token>", or signed claims
  // we never issue (no subject or session, a non-numeric expiry).
  Malformed = 'malformed',
  // Anything but HS256, "none" among them.
  WrongAlgorithm = 'wrong_algorithm',
  BadSignature = 'bad_signature',
  // Signed by us, for another issuer or audience (another installation sharing the secret).
  WrongIssuerOrAudience = 'wrong_issuer_or_audience',
  NotYetValid = 'not_yet_valid',
  Expired = 'expired',
  // Signed by us and in date, for a session that has ended or never existed, or an account that is disabled.
  SessionEnded = 'session_ended',
}

export const SIGNED_REJECTIONS: ReadonlySet<TokenRejection> = new Set([
  TokenRejection.WrongIssuerOrAudience,
  TokenRejection.NotYetValid,
  TokenRejection.Expired,
  TokenRejection.SessionEnded,
]);

// A refused token as the access guard saw it: passport-jwt's reason (`info`: jsonwebtoken's error, "No auth token",
// or nothing when the signature held and the session lookup found no one) and the request's Authorization header.
export interface RefusedToken {
  meta: RequestMeta;
  authorization: string | undefined;
  info: unknown;
}

// The signed claims a refused token names, when its signature held (never read otherwise).
export interface SignedClaims {
  sub: string;
  sid: string;
}

const BEARER = /^bearer\s+(\S+)$/i;

// What the audit log says of a refused token: null when there was no token at all (a route asked without signing in
// is answered 401 and not audited, as no credential was tried).
export function tokenRejection(
  authorization: string | undefined,
  info: unknown,
): { reason: TokenRejection; claims: SignedClaims | null } | null {
  const header = authorization?.trim() ?? '';
  if (header === '') return null;
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) return { reason: TokenRejection.Malformed, claims: null };
  const reason = reasonOf(info);
  if (!SIGNED_REJECTIONS.has(reason)) return { reason, claims: null };
  const claims = signedClaims(token);
  return claims ? { reason, claims } : { reason: TokenRejection.Malformed, claims: null };
}

function reasonOf(info: unknown): TokenRejection {
  // The signature held and the claims were in date: the session lookup refused it (JwtStrategy.validate).
  if (info === undefined || info === null) return TokenRejection.SessionEnded;
  // jsonwebtoken's errors, told apart by name (passport-jwt's copy of the library is not ours to import).
  const { name, message } = info instanceof Error ? info : { name: '', message: '' };
  if (name === 'TokenExpiredError') return TokenRejection.Expired;
  if (name === 'NotBeforeError') return TokenRejection.NotYetValid;
  if (name !== 'JsonWebTokenError') return TokenRejection.Malformed;
  if (message === 'invalid signature') return TokenRejection.BadSignature;
  if (message === 'invalid algorithm' || message === 'jwt signature is required') return TokenRejection.WrongAlgorithm;
  // jsonwebtoken checks the audience and the issuer only after the signature.
  if (message.startsWith('jwt audience invalid') || message.startsWith('jwt issuer invalid'))
    return TokenRejection.WrongIssuerOrAudience;
  return TokenRejection.Malformed;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The payload of a token whose signature jsonwebtoken has already checked: its subject and session, as we sign them.
function signedClaims(token: string): SignedClaims | null {
  try {
    const payload: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    if (typeof payload !== 'object' || payload === null) return null;
    const { sub, sid } = payload as Record<string, unknown>;
    return typeof sub === 'string' && UUID.test(sub) && typeof sid === 'string' && UUID.test(sid) ? { sub, sid } : null;
  } catch {
    return null;
  }
}

// Where the access guard reports a refused token. Declared here, so that common imports no feature; AuthModule
// provides it (it knows the sessions, and writes auth.token_rejected rows to the audit log, a few per address).
export abstract class RejectedTokenLog {
  abstract rejected(refused: RefusedToken): Promise<void>;
}
