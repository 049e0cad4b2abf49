import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '@zhixiang/shared/errors';
import type {
  FaceCertificate,
  FaceSessionRequest,
  FaceSessionStart,
  FaceVerifier,
} from '@zhixiang/shared/ports/face-verifier';
import { assertLocalStage, type Stage } from '../../platform/config';
import { postWechat, type WechatAccessTokenSource } from '../../platform/wechat/wechat-access-token';
import type { DynamoSandboxFaceAnswers } from './identity-verifications';

export const SANDBOX_SESSION_NOT_FOUND_MESSAGE = '未找到该次模拟人脸核身，请重新发起刷脸认证';

interface GetVerifyIdResponse {
  errcode?: number;
  errmsg?: string;
  verify_id?: string;
  expires_in?: number;
}

interface QueryVerifyInfoResponse {
  errcode?: number;
  errmsg?: string;
  verify_ret?: number;
}

/**
 * cert_hash of queryverifyinfo, as WeChat's API reference defines it: each certificate field's
 * value in standard base64, joined as `cert_type=…&cert_name=…&cert_no=…`, then SHA-256 as
 * lower-case hex — so the result is bound to the certificate we asked about.
 */
export function certHash(certificate: FaceCertificate): string {
  const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
  const text = `cert_type=${b64('IDENTITY_CARD')}&cert_name=${b64(certificate.name)}&cert_no=${b64(certificate.idNumber)}`;
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The real client of `/cityservice/face/identify/getverifyid` and `/queryverifyinfo`. */
export class WechatFaceVerifier implements FaceVerifier {
  readonly provider = 'wechat' as const;

  constructor(
    private readonly options: {
      apiBaseUrl: string;
      tokens: WechatAccessTokenSource;
      fetchImpl?: typeof fetch;
      timeoutMs?: number;
    },
  ) {}

  async getVerifyId(request: FaceSessionRequest): Promise<{ verifyId: string; expiresInSeconds: number }> {
    const openid = requireOpenid(request.openid);
    const body = await postWechat<GetVerifyIdResponse>(
      this.options,
      '/cityservice/face/identify/getverifyid',
      {
        out_seq_no: request.outSeqNo,
        cert_info: {
          cert_type: 'IDENTITY_CARD',
          cert_name: request.certificate.name,
          cert_no: request.certificate.idNumber,
        },
        openid,
      },
    );
    if (body.errcode || !body.verify_id) {
      throw new AppError('UPSTREAM_FAILED', '暂时无法发起人脸核身，请稍后重试或改用其他核验方式', {
        logMessage: `getverifyid errcode ${body.errcode ?? 'none'} ${body.errmsg ?? ''}`,
      });
    }
    return { verifyId: body.verify_id, expiresInSeconds: body.expires_in ?? 3600 };
  }

  async queryVerifyResult(request: FaceSessionRequest & { verifyId: string }): Promise<number> {
    const openid = requireOpenid(request.openid);
    const body = await postWechat<QueryVerifyInfoResponse>(
      this.options,
      '/cityservice/face/identify/queryverifyinfo',
      {
        verify_id: request.verifyId,
        out_seq_no: request.outSeqNo,
        cert_hash: certHash(request.certificate),
        openid,
      },
    );
    if (body.errcode || body.verify_ret === undefined) {
      // An expired or unknown verify_id, or a session not finished on the device.
      throw new AppError('CONFLICT', '人脸核身会话已失效或尚未完成，请重新发起刷脸认证', {
        logMessage: `queryverifyinfo errcode ${body.errcode ?? 'none'} ${body.errmsg ?? ''}`,
      });
    }
    return body.verify_ret;
  }
}

function requireOpenid(openid: string | null): string {
  if (!openid) throw new AppError('FORBIDDEN', '刷脸认证需要在微信中进行，请在微信小程序中重试');
  return openid;
}

/**
 * Local stage only (「模拟人脸核身」): a session id that the sandbox screen answers with the outcome
 * the tester picks (`POST /identity/face/sandbox/{verifyId}`); the result query then reads that
 * answer, so the server path — codes, messages, records, the lock — is the one WeChat drives.
 * The session remembers who opened it: only that user may answer it, as only the person in front
 * of the camera could on WeChat; an unknown session or another user's is not found.
 */
export class SandboxFaceVerifier implements FaceVerifier {
  readonly provider = 'sandbox' as const;

  constructor(
    stage: Stage,
    private readonly answers: DynamoSandboxFaceAnswers,
    private readonly now: () => number = Date.now,
  ) {
    assertLocalStage(stage, 'SandboxFaceVerifier');
  }

  async getVerifyId(request: FaceSessionStart): Promise<{ verifyId: string; expiresInSeconds: number }> {
    const verifyId = `sandbox-${randomUUID()}`;
    await this.answers.open(verifyId, request.userId, this.now());
    return { verifyId, expiresInSeconds: 3600 };
  }

  async queryVerifyResult(request: { verifyId: string }): Promise<number> {
    const verifyRet = (await this.answers.get(request.verifyId))?.verifyRet ?? null;
    if (verifyRet === null) throw new AppError('CONFLICT', '尚未在模拟人脸核身页面选择结果，请先完成刷脸');
    return verifyRet;
  }

  /** The sandbox screen's answer for a session, from the user who opened it only. */
  async answer(request: { verifyId: string; userId: string; verifyRet: number; now: number }): Promise<void> {
    const session = await this.answers.get(request.verifyId);
    if (!session || session.userId !== request.userId)
      throw new AppError('NOT_FOUND', SANDBOX_SESSION_NOT_FOUND_MESSAGE);
    await this.answers.answer(request.verifyId, request.verifyRet, request.now);
  }
}
