/**
 * Reads an ID-card photo. Adapters: WeChat's `/cv/ocr/idcard` (deployed) and an offline
 * tesseract.js reader (local stage; it reads digits, not Chinese names).
 */
export interface IdCardFrontText {
  name: string | null;
  idNumber: string | null;
  address: string | null;
  gender: string | null;
  nationality: string | null;
}

export interface IdCardBackText {
  /** The 有效期限 text as read, e.g. `2015.03.12-2035.03.12` or `20150312-长期`. */
  validDate: string | null;
}

export interface IdCardOcr {
  readonly provider: 'wechat' | 'tesseract';
  readFront(image: Uint8Array, contentType: string): Promise<IdCardFrontText>;
  readBack(image: Uint8Array, contentType: string): Promise<IdCardBackText>;
}
