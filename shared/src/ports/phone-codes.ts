/** A one-time code texted to a phone and checked once (a contact change's new phone, a trustee's). */
export interface PhoneCodes {
  /** Texts a code to `to` (1 a minute, 5 an hour per subject). */
  send(input: { subject: string; to: string; customerId: string; ttlSeconds: number }): Promise<void>;
  /** Checks the code and uses it up; a wrong, expired or used one is a 400 on `field`. */
  consume(subject: string, code: string, field: string): Promise<void>;
}
