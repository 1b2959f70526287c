import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthUser } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock.service';
import { AppConfig } from '../../config/app-config';
import { AuthRepository } from './auth.repository';
import { jwtKey } from './jwt-key';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly repo: AuthRepository,
    private readonly clock: Clock,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A secret KeyObject (see jwt-key.ts); passport-jwt hands it to jsonwebtoken.verify as is, though its types
      // name only string | Buffer.
      secretOrKey: jwtKey(config) as unknown as Buffer,
      // Pinned: a token signed with anything else, or with alg "none", is refused.
      algorithms: ['HS256'],
      issuer: config.env.JWT_ISSUER,
      audience: config.env.JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  // One query per request: a disabled account or an ended session stops working at once,
  // not when its access token runs out.
  async validate(claims: AccessTokenClaims): Promise<AuthUser | false> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    return (await this.repo.findSignedIn(claims.sub, claims.sid, this.clock.now()).catch(() => null)) ?? false;
  }
}
