import type { RateLimiter } from '@zhixiang/shared/ports/auth-store';
import type { IdentityProofs } from '@zhixiang/shared/ports/identity-proofs';
import type { VoiceThemeDictionary } from '@zhixiang/shared/voice/themes';
import type { OneTimeCodeDeps } from '../../auth/use-cases/deps';
import type { CallbackDeps } from './callback-policy';

/** The online self-callback: the booking rules plus an SMS code or an identity proof. */
export interface OnlineCallbackDeps extends OneTimeCodeDeps {
  repositories: CallbackDeps['repositories'];
  rateLimiter: RateLimiter;
  identityProofs: IdentityProofs;
  /** A "no" answer's problem case joins the customer-voice stream, tagged by this dictionary. */
  voiceThemes: VoiceThemeDictionary;
}
