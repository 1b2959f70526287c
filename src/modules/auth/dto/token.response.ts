import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TokenResponse {
  @ApiProperty({ description: 'JWT for the Authorization: Bearer header' }) accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ example: 900, description: 'Seconds until the access token expires; refresh before then' })
  expiresIn: number;
  @ApiProperty({
    format: 'date-time',
    description: 'When the session ends however often it is refreshed; the person signs in again after it',
  })
  sessionExpiresAt: string;
  @ApiPropertyOptional({
    description: 'Opaque, single-use; exchange at POST /auth/refresh. Absent when the session is kept in a cookie',
  })
  refreshToken?: string;
}

// What the service issues; the refresh token leaves in the body or in a cookie.
export type IssuedTokens = TokenResponse & { refreshToken: string };

export function toTokenResponse(tokens: IssuedTokens, withRefreshToken: boolean): TokenResponse {
  const { accessToken, tokenType, expiresIn, sessionExpiresAt, refreshToken } = tokens;
  return withRefreshToken
    ? { accessToken, tokenType, expiresIn, sessionExpiresAt, refreshToken }
    : { accessToken, tokenType, expiresIn, sessionExpiresAt };
}
