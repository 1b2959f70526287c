import { createHmac, timingSafeEqual } from 'node:crypto';
import { CookieSerializeOptions } from '@fastify/cookie';
import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../../common/http/api-prefix';
import { AppConfig } from '../../config/app-config';

export const REFRESH_COOKIE = 'kokemus_refresh';
export const CSRF_COOKIE = 'kokemus_csrf';
export const CSRF_HEADER = 'x-csrf-token';
// The refresh cookie goes only to the auth routes: no other request carries it.
export const REFRESH_COOKIE_PATH = `${API_PREFIX}/auth`;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

// Secure unless the service is reached over plain HTTP on the developer's own machine, or over plain HTTP
// outside production (a phone on the LAN, the test suite). An https PUBLIC_URL always gets Secure whatever
// NODE_ENV says, and NODE_ENV defaults to development, so production is never relaxed by a forgotten setting:
// production over plain HTTP keeps Secure and the browser refuses the cookie (fail closed).
export function cookiesAreSecure(publicUrl: string, nodeEnv: string): boolean {
  const url = new URL(publicUrl);
  if (url.protocol !== 'http:') return true;
  return !LOOPBACK.has(url.hostname) && nodeEnv === 'production';
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// The browser's half of a session: the refresh token in an httpOnly cookie, and a CSRF token in a cookie the
// page reads and echoes in X-CSRF-Token (double submit). The CSRF token is an HMAC of the refresh token, so a
// cookie planted by a sibling site (cookie tossing) cannot match the refresh cookie it travels with.
@Injectable()
export class SessionCookies {
  private readonly secure: boolean;
  private readonly csrfKey: Buffer;

  constructor(config: AppConfig) {
    this.secure = cookiesAreSecure(config.env.PUBLIC_URL, config.env.NODE_ENV);
    this.csrfKey = createHmac('sha256', config.env.JWT_SECRET).update('kokemus csrf v1').digest();
  }

  refreshTokenOf(request: FastifyRequest): string | undefined {
    const token = request.cookies?.[REFRESH_COOKIE];
    return token ? token : undefined;
  }

  csrfMatches(request: FastifyRequest, refreshToken: string): boolean {
    const header = request.headers[CSRF_HEADER];
    const cookie = request.cookies?.[CSRF_COOKIE];
    if (typeof header !== 'string' || !cookie) return false;
    return sameText(header, cookie) && sameText(header, this.csrfTokenFor(refreshToken));
  }

  set(reply: FastifyReply, refreshToken: string, sessionExpiresAt: Date): void {
    const common: CookieSerializeOptions = { sameSite: 'strict', secure: this.secure, expires: sessionExpiresAt };
    reply.setCookie(REFRESH_COOKIE, refreshToken, { ...common, httpOnly: true, path: REFRESH_COOKIE_PATH });
    reply.setCookie(CSRF_COOKIE, this.csrfTokenFor(refreshToken), { ...common, httpOnly: false, path: '/' });
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE, {
      sameSite: 'strict',
      secure: this.secure,
      httpOnly: true,
      path: REFRESH_COOKIE_PATH,
    });
    reply.clearCookie(CSRF_COOKIE, { sameSite: 'strict', secure: this.secure, path: '/' });
  }

  private csrfTokenFor(refreshToken: string): string {
    return createHmac('sha256', this.csrfKey).update(refreshToken).digest('base64url');
  }
}
