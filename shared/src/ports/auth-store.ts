/**
 * Storage ports for sign-in state: refresh tokens, one-time codes, rate limits, lockouts and
 * consent records. The DynamoDB adapter lives in functions/src/platform/auth-store/auth-store.ts.
 * Every time is epoch milliseconds passed in by the caller, so tests control the clock.
 */
export interface RefreshTokenRecord {
  /** SHA-256 of the token, hex. The token itself is never stored. */
  tokenHash: string;
  userId: string;
  /** All tokens descending from one sign-in share a family; reuse of a spent one revokes it. */
  familyId: string;
  issuedAt: number;
  expiresAt: number;
  /** Set when the token has been exchanged or revoked. */
  revokedAt: number | null;
  /** The token that replaced this one, if it was rotated. */
  replacedBy: string | null;
}

export interface RefreshTokenStore {
  put(record: RefreshTokenRecord): Promise<void>;
  get(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /**
   * Marks the token spent, only if it still is live. Returns false when another request spent it
   * first, so two concurrent refreshes cannot both succeed.
   */
  markRotated(tokenHash: string, replacedBy: string, now: number): Promise<boolean>;
  revoke(tokenHash: string, now: number): Promise<void>;
  revokeFamily(familyId: string, now: number): Promise<void>;
  isFamilyRevoked(familyId: string): Promise<boolean>;
}

export interface OneTimeCodeRecord {
  /** What the code proves, e.g. `bind:<userId>`. */
  subject: string;
  /** SHA-256 (keyed) of the code. */
  codeHash: string;
  /** Blind index of the phone the code was sent to; the code is only valid for that phone. */
  phoneIndex: string;
  customerId: string;
  expiresAt: number;
  attempts: number;
  createdAt: number;
}

export interface OneTimeCodeStore {
  /** Replaces any earlier code for the subject. */
  put(record: OneTimeCodeRecord): Promise<void>;
  get(subject: string): Promise<OneTimeCodeRecord | null>;
  /** Counts a wrong attempt; returns the new count. */
  recordFailedAttempt(subject: string): Promise<number>;
  /**
   * Deletes the code only if it is still the one with `codeHash`; false when it was already used
   * (the conditional write is what stops two concurrent requests from both consuming it).
   */
  consume(subject: string, codeHash: string): Promise<boolean>;
}

export interface RateLimitRule {
  /** Counter name, e.g. `bindcode:phone:<index>:minute`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Takes one unit from every rule, or none when any rule is exhausted. */
  consume(rules: RateLimitRule[], now: number): Promise<RateLimitDecision>;
}

export interface LockoutStore {
  /** Epoch ms until which the subject is locked, or null. */
  lockedUntil(subject: string, now: number): Promise<number | null>;
  lock(subject: string, until: number): Promise<void>;
}

/** `face_id_processing`: identity verification's separate consent for face and ID-card processing. */
export type ConsentKind = 'privacy_guide' | 'sensitive_id' | 'face_id_processing';

export interface ConsentRecord {
  userId: string;
  kind: ConsentKind;
  version: string;
  at: string;
}

/** Append-only: consents are evidence (PIPL Art. 14) and are never overwritten. */
export interface ConsentLog {
  record(consent: ConsentRecord): Promise<void>;
  /** Whether the user has ever agreed to this version of this text. */
  has(userId: string, kind: ConsentKind, version: string): Promise<boolean>;
}

/**
 * One WeChat account per customer, enforced by the database: a conditional create, so two users
 * binding the same customer at the same moment cannot both succeed.
 */
export interface CustomerBindingRegistry {
  /** True when the customer is now (or already was) bound to `userId`; false when bound to someone else. */
  claim(customerId: string, userId: string, at: string): Promise<boolean>;
}
