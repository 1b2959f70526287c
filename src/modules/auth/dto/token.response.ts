import { ApiProperty } from '@nestjs/swagger';

export class TokenResponse {
  @ApiProperty({ description: 'JWT for the Authorization: Bearer header' }) accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ description: 'Opaque, single-use; exchange at POST /auth/refresh' }) refreshToken: string;
}
