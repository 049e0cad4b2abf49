import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignedTokenCheck =
  | { status: 'valid'; fields: Record<string, unknown> }
  | { status: 'expired' }
  | { status: 'forged' };

/**
 * Signed, expiring tokens that carry a few fields (a letter link, an event ticket): the token is
 * `base64url(JSON of the fields and "e": expiry ms)` + `.` + base64url(HMAC-SHA256) under a key
 * derived from the token signing key for one purpose only, so an access-token key never signs
 * them and a token of one purpose is forged for any other.
 */
export class SignedTokens {
  constructor(
    private readonly options: {
      purpose: string;
      signingKey: () => Promise<string>;
      now: () => number;
    },
  ) {}

  async sign(fields: Record<string, string | number>, validMs: number): Promise<string> {
    const payload = Buffer.from(JSON.stringify({ ...fields, e: this.options.now() + validMs })).toString(
      'base64url',
    );
    return `${payload}.${await this.mac(payload)}`;
  }

  async check(token: string): Promise<SignedTokenCheck> {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return { status: 'forged' };
    const expected = Buffer.from(await this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { status: 'forged' };
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { status: 'forged' };
    }
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.e !== 'number')
      return { status: 'forged' };
    if (parsed.e <= this.options.now()) return { status: 'expired' };
    return { status: 'valid', fields: parsed };
  }

  private async mac(payload: string): Promise<string> {
    const key = createHmac('sha256', await this.options.signingKey())
      .update(this.options.purpose)
      .digest();
    return createHmac('sha256', key).update(payload).digest('base64url');
  }
}
