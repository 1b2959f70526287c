import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { AppConfig } from '../../config/app-config';
import { jwtKey } from './jwt-key';
import { UserStatus } from '../users/entities/user.entity';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const rows: AuthUser[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.language, s.id AS "sessionId"
         FROM users u JOIN auth_sessions s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND u.status = $3 AND s.revoked_at IS NULL AND s.expires_at > $4`,
      [claims.sub, claims.sid, UserStatus.Active, this.clock.now()],
    ).catch(() => []);
    return rows[0] ?? false;
  }
}
