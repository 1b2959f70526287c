import { JwtService } from '@nestjs/jwt';
import * as jsonwebtoken from 'jsonwebtoken';
import { generateKeyPairSync } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../../config/app-config';
import { Env } from '../../config/env.schema';
import { jwtKey } from './jwt-key';

const secret = 'jwt-key-spec-secret-jwt-key-spec-secret-0001';
const config = new AppConfig({ JWT_SECRET: secret } as Env);

describe('jwtKey', () => {
  it('is one secret KeyObject per configuration, holding the secret’s bytes', () => {
    const key = jwtKey(config);
    expect(key.type).toBe('secret');
    expect(key.export().toString('utf8')).toBe(secret);
    expect(jwtKey(config)).toBe(key);
  });

  it('signs through @nestjs/jwt tokens that the string secret verifies, and verifies tokens the string signed', async () => {
    const jwt = new JwtService({
      secret: jwtKey(config),
      signOptions: { algorithm: 'HS256' },
      verifyOptions: { algorithms: ['HS256'] },
    });
    const token = await jwt.signAsync({ sub: 'u', sid: 's' });
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'HS256' });
    expect(jsonwebtoken.verify(token, secret, { algorithms: ['HS256'] })).toMatchObject({ sub: 'u', sid: 's' });
    const old = jsonwebtoken.sign({ sub: 'v', sid: 't' }, secret, { algorithm: 'HS256' });
    await expect(jwt.verifyAsync(old)).resolves.toMatchObject({ sub: 'v' });
    await expect(
      jwt.verifyAsync(jsonwebtoken.sign({ sub: 'w' }, 'another-secret-another-secret-another-0001')),
    ).rejects.toThrow(/signature/);
    await expect(jwt.verifyAsync(jsonwebtoken.sign({ sub: 'w' }, secret, { algorithm: 'HS512' }))).rejects.toThrow(
      /algorithm/,
    );
  });

  it('is accepted by passport-jwt, which verifies with it and refuses a token with another algorithm', async () => {
    const verifyWith = (token: string) =>
      new Promise<'ok' | 'fail'>((resolve) => {
        const strategy = new Strategy(
          {
            jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
            secretOrKey: jwtKey(config) as unknown as Buffer,
            algorithms: ['HS256'],
          },
          (_claims: unknown, done: (e: unknown, u: unknown) => void) => done(null, { id: 'u' }),
        );
        Object.assign(strategy, {
          success: () => resolve('ok'),
          fail: () => resolve('fail'),
          error: () => resolve('fail'),
        });
        strategy.authenticate({ headers: { authorization: `Bearer ${token}` } } as never);
      });
    await expect(verifyWith(jsonwebtoken.sign({ sub: 'u' }, secret, { algorithm: 'HS256' }))).resolves.toBe('ok');
    await expect(verifyWith(jsonwebtoken.sign({ sub: 'u' }, secret, { algorithm: 'HS384' }))).resolves.toBe('fail');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expect(verifyWith(jsonwebtoken.sign({ sub: 'u' }, privateKey, { algorithm: 'RS256' }))).resolves.toBe('fail');
    await expect(
      verifyWith(
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"u"}').toString('base64url')}.`,
      ),
    ).resolves.toBe('fail');
  });
});
