import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WechatAccessTokenSource } from '../../platform/wechat/wechat-access-token';
import { WechatIdCardOcr } from './wechat-id-card-ocr';

/**
 * A fake of WeChat's `POST /cv/ocr/idcard?type=photo&access_token=…` taking the image as the
 * multipart field `img` and answering as documented (Front: name/id/addr/gender/nationality,
 * Back: valid_date; errcode 101000 when no card is found).
 */
let server: Server;
let baseUrl: string;
const seen: { query: URLSearchParams; contentType: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('latin1');
    seen.push({ query: url.searchParams, contentType: req.headers['content-type'] ?? '', body });
    res.setHeader('content-type', 'text/plain');
    if (url.pathname !== '/cv/ocr/idcard') return res.writeHead(404).end();
    if (url.searchParams.get('access_token') !== 'token-1')
      return res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
    if (!/name="img"; filename="/.test(body))
      return res.end(JSON.stringify({ errcode: 47001, errmsg: 'no img' }));
    if (body.includes('BLANK')) return res.end(JSON.stringify({ errcode: 101000, errmsg: 'no card' }));
    if (body.includes('BACK'))
      return res.end(
        JSON.stringify({ errcode: 0, errmsg: 'ok', type: 'Back', valid_date: '20160312-20360312' }),
      );
    res.end(
      JSON.stringify({
        errcode: 0,
        errmsg: 'ok',
        type: 'Front',
        name: '张伟',
        id: '11010519491231002x',
        addr: '北京市朝阳区',
        gender: '男',
        nationality: '汉',
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const tokens: WechatAccessTokenSource = { token: async () => 'token-1', invalidate: async () => {} };
const image = (marker: string) => new TextEncoder().encode(`\xff\xd8\xff${marker}`);

describe('WechatIdCardOcr (/cv/ocr/idcard)', () => {
  it('uploads the image as multipart img with type=photo and reads the front', async () => {
    const front = await new WechatIdCardOcr({ apiBaseUrl: baseUrl, tokens }).readFront(
      image('FRONT'),
      'image/jpeg',
    );
    expect(front).toEqual({
      name: '张伟',
      idNumber: '11010519491231002X',
      address: '北京市朝阳区',
      gender: '男',
      nationality: '汉',
    });
    const request = seen.at(-1);
    expect(request?.query.get('type')).toBe('photo');
    expect(request?.contentType).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('reads the validity of the back', async () => {
    const back = await new WechatIdCardOcr({ apiBaseUrl: baseUrl, tokens }).readBack(
      image('BACK'),
      'image/png',
    );
    expect(back).toEqual({ validDate: '20160312-20360312' });
  });

  it('turns "no card found" into a 400 asking for a new photo, and a wrong side into a precise 400', async () => {
    const ocr = new WechatIdCardOcr({ apiBaseUrl: baseUrl, tokens });
    await expect(ocr.readFront(image('BLANK'), 'image/jpeg')).rejects.toMatchObject({
      status: 400,
      field: 'frontUploadId',
      userMessage: expect.stringMatching(/未能识别证件/),
    });
    await expect(ocr.readFront(image('BACK'), 'image/jpeg')).rejects.toMatchObject({
      status: 400,
      userMessage: '请上传身份证人像面（有照片的一面）',
    });
  });
});
