import { AppError } from '@zhixiang/shared/errors';
import type { IdCardBackText, IdCardFrontText, IdCardOcr } from '@zhixiang/shared/ports/id-card-ocr';
import { postWechat, type WechatAccessTokenSource } from '../../platform/wechat/wechat-access-token';

interface OcrIdCardResponse {
  errcode?: number;
  errmsg?: string;
  type?: 'Front' | 'Back';
  name?: string;
  id?: string;
  addr?: string;
  gender?: string;
  nationality?: string;
  valid_date?: string;
}

/**
 * The real client of WeChat's ID-card OCR (`POST /cv/ocr/idcard?type=photo`, the image as the
 * multipart field `img`, < 2 MB): front → name, id, addr, gender, nationality; back → valid_date.
 */
export class WechatIdCardOcr implements IdCardOcr {
  readonly provider = 'wechat' as const;

  constructor(
    private readonly options: {
      apiBaseUrl: string;
      tokens: WechatAccessTokenSource;
      fetchImpl?: typeof fetch;
      timeoutMs?: number;
    },
  ) {}

  async readFront(image: Uint8Array, contentType: string): Promise<IdCardFrontText> {
    const body = await this.recognise(image, contentType, 'Front');
    return {
      name: body.name?.trim() || null,
      idNumber: body.id?.trim().toUpperCase() || null,
      address: body.addr?.trim() || null,
      gender: body.gender?.trim() || null,
      nationality: body.nationality?.trim() || null,
    };
  }

  async readBack(image: Uint8Array, contentType: string): Promise<IdCardBackText> {
    const body = await this.recognise(image, contentType, 'Back');
    return { validDate: body.valid_date?.trim() || null };
  }

  private async recognise(image: Uint8Array, contentType: string, side: 'Front' | 'Back') {
    const form = new FormData();
    form.append(
      'img',
      new Blob([new Uint8Array(image)], { type: contentType }),
      side === 'Front' ? 'front.jpg' : 'back.jpg',
    );
    const body = await postWechat<OcrIdCardResponse>(this.options, '/cv/ocr/idcard', form, { type: 'photo' });
    if (body.errcode === 101000 || body.errcode === 101001 || body.errcode === 101002) {
      throw new AppError('VALIDATION_FAILED', '未能识别证件，请将身份证平放、对准取景框后重新拍摄', {
        field: side === 'Front' ? 'frontUploadId' : 'backUploadId',
        logMessage: `ocr/idcard errcode ${body.errcode}`,
      });
    }
    if (body.errcode) {
      throw new AppError('UPSTREAM_FAILED', '证件识别服务暂时不可用，请稍后再试', {
        logMessage: `ocr/idcard errcode ${body.errcode} ${body.errmsg ?? ''}`,
      });
    }
    if (body.type && body.type !== side) {
      throw new AppError(
        'VALIDATION_FAILED',
        side === 'Front' ? '请上传身份证人像面（有照片的一面）' : '请上传身份证国徽面（有效期限所在的一面）',
        { field: side === 'Front' ? 'frontUploadId' : 'backUploadId' },
      );
    }
    return body;
  }
}
