/**
 * WeChat face verification 2.0 (人脸核身) seen from the server: `getverifyid` opens a session for
 * one person's certificate and the WeChat user who will scan their face; after
 * `wx.requestFacialVerify` on the device, `queryverifyinfo` tells the real result. The client's own
 * callback is never trusted. Adapters: the WeChat client and a local sandbox.
 */
export interface FaceCertificate {
  /** Name on the ID card (cert_name). */
  name: string;
  /** 18-character resident ID number (cert_no). */
  idNumber: string;
}

export interface FaceSessionRequest {
  /** Our own sequence number for the attempt (out_seq_no). */
  outSeqNo: string;
  certificate: FaceCertificate;
  /** The WeChat user who will call wx.requestFacialVerify (null outside WeChat: sandbox only). */
  openid: string | null;
}

/** Opening a session also names the signed-in user who opened it. */
export interface FaceSessionStart extends FaceSessionRequest {
  /** Our user account that opened the session (the sandbox lets only this user answer it). */
  userId: string;
}

export interface FaceVerifier {
  readonly provider: 'wechat' | 'sandbox';
  getVerifyId(request: FaceSessionStart): Promise<{ verifyId: string; expiresInSeconds: number }>;
  /** WeChat's verify_ret: 10000 is the only success. */
  queryVerifyResult(request: FaceSessionRequest & { verifyId: string }): Promise<number>;
}

/** The local 「模拟人脸核身」 sandbox: its screen answers in place of wx.requestFacialVerify. */
export interface SandboxFaceVerifierPort extends FaceVerifier {
  readonly provider: 'sandbox';
  /** Only the user who opened the session may answer it; anyone else, or an unknown id: NOT_FOUND. */
  answer(request: { verifyId: string; userId: string; verifyRet: number; now: number }): Promise<void>;
}

export function isSandboxFaceVerifier(verifier: FaceVerifier): verifier is SandboxFaceVerifierPort {
  return verifier.provider === 'sandbox' && 'answer' in verifier;
}
