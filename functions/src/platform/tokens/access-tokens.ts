import { type AccessClaims, ROLES, type Role } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'zhixiang-kefu';
const AUDIENCE = 'zhixiang-kefu-api';

/** The signing key is a secret from SSM (deployed) or the environment (local); fetched lazily and cached upstream. */
export type SigningKeySource = () => Promise<string>;

/**
 * Short-lived HS256 access tokens. Short life is what makes them safe to not look up: a stolen
 * token is useful for at most 15 minutes, and sign-out revokes the refresh token that renews it.
 */
export class AccessTokens {
  constructor(
    private readonly signingKey: SigningKeySource,
    private readonly now: () => number = Date.now,
  ) {}

  async issue(claims: AccessClaims): Promise<{ token: string; expiresIn: number }> {
    const { sub, ...rest } = claims;
    const iat = Math.floor(this.now() / 1000);
    const token = await new SignJWT({ ...rest })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
      .sign(await this.key());
    return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /** Throws UNAUTHENTICATED for anything but a valid, unexpired token we signed. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, await this.key(), {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: new Date(this.now()),
      });
      const role = payload.role as Role;
      if (typeof payload.sub !== 'string' || !ROLES.includes(role)) throw new AppError('UNAUTHENTICATED');
      const claims: AccessClaims = { sub: payload.sub, role };
      for (const key of ['customerId', 'agentId', 'branchId', 'branchPath'] as const) {
        const value = payload[key];
        if (typeof value === 'string') claims[key] = value;
      }
      return claims;
    } catch (error) {
      if (error instanceof AppError) throw error;
      const expired = error instanceof joseErrors.JWTExpired;
      throw new AppError('UNAUTHENTICATED', expired ? '登录已过期，请重新登录' : undefined, {
        cause: error,
        logMessage: expired ? 'access token expired' : 'access token rejected',
      });
    }
  }

  private async key(): Promise<Uint8Array> {
    return new TextEncoder().encode(await this.signingKey());
  }
}
