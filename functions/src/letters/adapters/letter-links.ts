import { SignedTokens } from '../../platform/tokens/signed-tokens';

/** A letter link stays valid this long: long enough to open an SMS a few weeks later. */
export const LETTER_LINK_DAYS = 30;

export type LinkCheck = { status: 'valid'; letterId: string } | { status: 'expired' } | { status: 'forged' };

/**
 * Signed, expiring links to one letter (no sign-in for whoever received it): a signed token
 * (platform/tokens/signed-tokens.ts) of purpose `letter-link-v1` carrying the letter id as `l`.
 */
export class LetterLinks {
  private readonly tokens: SignedTokens;

  constructor(
    private readonly options: {
      signingKey: () => Promise<string>;
      baseUrl: string | null;
      now: () => number;
    },
  ) {
    this.tokens = new SignedTokens({
      purpose: 'letter-link-v1',
      signingKey: options.signingKey,
      now: options.now,
    });
  }

  token(letterId: string, validDays = LETTER_LINK_DAYS): Promise<string> {
    return this.tokens.sign({ l: letterId }, validDays * 86_400_000);
  }

  async url(letterId: string, validDays = LETTER_LINK_DAYS): Promise<string> {
    if (!this.options.baseUrl)
      throw new Error('LETTER_LINK_BASE_URL is not set: letter links cannot be made');
    const url = new URL(this.options.baseUrl);
    url.searchParams.set('token', await this.token(letterId, validDays));
    return url.toString();
  }

  async check(token: string): Promise<LinkCheck> {
    const checked = await this.tokens.check(token);
    if (checked.status !== 'valid') return checked;
    const letterId = checked.fields.l;
    return typeof letterId === 'string' ? { status: 'valid', letterId } : { status: 'forged' };
  }
}
