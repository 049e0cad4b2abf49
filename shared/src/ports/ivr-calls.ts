/** A call the IVR announced: what the seat's screen-pop is built from. Personal data stays masked. */
export interface IvrCallRecord {
  callId: string;
  /** The caller ID, masked (138****5678): the raw number is never stored. */
  callingNumberMasked: string;
  verified: boolean;
  /** Present only when verified: the customer the caller proved to be. */
  customerId: string | null;
  receivedAt: number;
}

export interface IvrCallStore {
  create(call: IvrCallRecord, expiresAt: number): Promise<void>;
  get(callId: string): Promise<IvrCallRecord | null>;
  /** Records a request nonce; false when it was seen before (a replay). */
  claimNonce(nonce: string, expiresAt: number): Promise<boolean>;
}
