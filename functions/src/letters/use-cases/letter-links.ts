import { createHmac, timingSafeEqual } from 'node:crypto';

/** A letter link stays valid this long: long enough to open an SMS a few weeks later. */
export const LETTER_LINK_DAYS = 30;

export type LinkCheck = { status: 'valid'; letterId: string } | { status: 'expired' } | { status: 'forged' };

/**
 * Signed, expiring links to one letter (no sign-in for whoever received it): the token is
 * `base64url({"l": letterId, "e": expiry ms})` + `.` + base64url(HMAC-SHA256) under a key derived
 * from the token signing key for this purpose only, so an access-token key never signs links.
 */
export class LetterLinks {
  constructor(
    private readonly options: {
      signingKey: () => Promise<string>;
      baseUrl: string | null;
      now: () => number;
    },
  ) {}

  async token(letterId: string, validDays = LETTER_LINK_DAYS): Promise<string> {
    const payload = Buffer.from(
      JSON.stringify({ l: letterId, e: this.options.now() + validDays * 86_400_000 }),
    ).toString('base64url');
    return `${payload}.${await this.mac(payload)}`;
  }

  async url(letterId: string, validDays = LETTER_LINK_DAYS): Promise<string> {
    if (!this.options.baseUrl)
      throw new Error('LETTER_LINK_BASE_URL is not set: letter links cannot be made');
    const url = new URL(this.options.baseUrl);
    url.searchParams.set('token', await this.token(letterId, validDays));
    return url.toString();
  }

  async check(token: string): Promise<LinkCheck> {
    const [payload, mac] = token.split('.');
    if (!payload || !mac) return { status: 'forged' };
    const expected = Buffer.from(await this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { status: 'forged' };
    let parsed: { l?: unknown; e?: unknown };
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { status: 'forged' };
    }
    if (typeof parsed.l !== 'string' || typeof parsed.e !== 'number') return { status: 'forged' };
    if (parsed.e <= this.options.now()) return { status: 'expired' };
    return { status: 'valid', letterId: parsed.l };
  }

  private async mac(payload: string): Promise<string> {
    const key = createHmac('sha256', await this.options.signingKey())
      .update('letter-link-v1')
      .digest();
    return createHmac('sha256', key).update(payload).digest('base64url');
  }
}
