import Taro from '@tarojs/taro';
import type { SignaturePoint, SignatureStrokes } from '@zhixiang/shared/documents/signature-quality';

/**
 * The drawing surface of the signing screen: a Canvas 2D sized for the device pixel ratio, pen
 * input (pointer events on H5, touch events of the canvas in WeChat), smooth strokes (quadratic
 * curves through the midpoints of successive points), undo and clear. Points are kept in CSS
 * pixels: they are the evidence the server re-checks, and the PNG is rendered from them.
 */
export class SignaturePad {
  private strokes: SignaturePoint[][] = [];
  private ctx: CanvasRenderingContext2D | null = null;
  private canvas: { width: number; height: number } | null = null;
  private size = { width: 0, height: 0 };
  private startedAt = 0;
  private drawing = false;
  private readonly listeners = new Set<(count: number) => void>();
  private detach: (() => void) | null = null;

  /** Finds the canvas node of `<Canvas type="2d" id={id}>` and prepares it. */
  async attach(id: string): Promise<void> {
    const dpr = Taro.getWindowInfo().pixelRatio || 1;
    if (process.env.TARO_ENV === 'h5') {
      const host = document.getElementById(id);
      const canvas = (
        host?.tagName === 'CANVAS' ? host : host?.querySelector('canvas')
      ) as HTMLCanvasElement | null;
      if (!canvas) throw new Error('signature canvas not found');
      const rect = canvas.getBoundingClientRect();
      this.setUp(canvas, canvas.getContext('2d'), rect.width, rect.height, dpr);
      const at = (event: PointerEvent) => {
        const box = canvas.getBoundingClientRect();
        return { x: event.clientX - box.left, y: event.clientY - box.top };
      };
      const down = (event: PointerEvent) => {
        canvas.setPointerCapture?.(event.pointerId);
        this.begin(at(event));
      };
      const move = (event: PointerEvent) => this.extend(at(event));
      const up = () => this.end();
      canvas.addEventListener('pointerdown', down);
      canvas.addEventListener('pointermove', move);
      canvas.addEventListener('pointerup', up);
      canvas.addEventListener('pointerleave', up);
      this.detach = () => {
        canvas.removeEventListener('pointerdown', down);
        canvas.removeEventListener('pointermove', move);
        canvas.removeEventListener('pointerup', up);
        canvas.removeEventListener('pointerleave', up);
      };
      return;
    }
    const [result] = await new Promise<Array<{ node: HTMLCanvasElement; width: number; height: number }>>(
      (resolve) =>
        Taro.createSelectorQuery()
          .select(`#${id}`)
          .fields({ node: true, size: true })
          .exec((res) => resolve(res as Array<{ node: HTMLCanvasElement; width: number; height: number }>)),
    );
    if (!result?.node) throw new Error('signature canvas not found');
    this.setUp(result.node, result.node.getContext('2d'), result.width, result.height, dpr);
  }

  /** WeChat: the canvas's touch events carry x and y relative to the canvas. */
  readonly touch = {
    start: (event: { touches: Array<{ x: number; y: number }> }) => {
      const touch = event.touches[0];
      if (touch) this.begin(touch);
    },
    move: (event: { touches: Array<{ x: number; y: number }> }) => {
      const touch = event.touches[0];
      if (touch) this.extend(touch);
    },
    end: () => this.end(),
  };

  dispose(): void {
    this.detach?.();
    this.detach = null;
  }

  onChange(listener: (strokeCount: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  undo(): void {
    this.strokes.pop();
    this.redraw();
  }

  clear(): void {
    this.strokes = [];
    this.redraw();
  }

  value(): SignatureStrokes {
    return {
      width: Math.round(this.size.width),
      height: Math.round(this.size.height),
      strokes: this.strokes.map((stroke) => stroke.map((p) => ({ ...p }))),
    };
  }

  /**
   * The canvas as PNG bytes (transparent background, dark ink), at most twice the CSS size: a
   * phone's 3× canvas would otherwise come out needlessly large for the server's cap.
   */
  async toPng(): Promise<Uint8Array> {
    if (!this.canvas) throw new Error('signature canvas not ready');
    if (process.env.TARO_ENV === 'h5') {
      const dataUrl = (this.canvas as HTMLCanvasElement).toDataURL('image/png');
      const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
      return Uint8Array.from(binary, (c) => c.charCodeAt(0));
    }
    const scale = Math.min(2, this.canvas.width / Math.max(1, this.size.width));
    const { tempFilePath } = await Taro.canvasToTempFilePath({
      canvas: this.canvas as never,
      destWidth: Math.round(this.size.width * scale),
      destHeight: Math.round(this.size.height * scale),
    } as never);
    const bytes = Taro.getFileSystemManager().readFileSync(tempFilePath) as ArrayBuffer;
    return new Uint8Array(bytes);
  }

  private setUp(
    canvas: { width: number; height: number },
    ctx: CanvasRenderingContext2D | null,
    width: number,
    height: number,
    dpr: number,
  ): void {
    if (!ctx) throw new Error('no 2d context');
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.scale(dpr, dpr);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111827';
    ctx.lineWidth = 4;
    this.canvas = canvas;
    this.ctx = ctx;
    this.size = { width, height };
  }

  private begin(point: { x: number; y: number }): void {
    if (!this.ctx) return;
    if (this.strokes.length === 0) this.startedAt = Date.now();
    this.drawing = true;
    this.strokes.push([{ x: point.x, y: point.y, t: Date.now() - this.startedAt }]);
    const ctx = this.ctx;
    ctx.beginPath();
    ctx.arc(point.x, point.y, ctx.lineWidth / 2, 0, Math.PI * 2);
    ctx.fillStyle = '#111827';
    ctx.fill();
    this.notify();
  }

  private extend(point: { x: number; y: number }): void {
    const stroke = this.strokes[this.strokes.length - 1];
    if (!this.drawing || !stroke || !this.ctx) return;
    const last = stroke[stroke.length - 1] as SignaturePoint;
    if (Math.hypot(point.x - last.x, point.y - last.y) < 1.5) return;
    stroke.push({ x: point.x, y: point.y, t: Date.now() - this.startedAt });
    this.drawSegment(stroke, stroke.length - 1);
  }

  private end(): void {
    this.drawing = false;
  }

  /** Smooths point i in: a quadratic curve from the previous midpoint to this one. */
  private drawSegment(stroke: SignaturePoint[], i: number): void {
    const ctx = this.ctx;
    const a = stroke[i - 2] ?? stroke[i - 1];
    const b = stroke[i - 1];
    const c = stroke[i];
    if (!ctx || !a || !b || !c) return;
    ctx.beginPath();
    ctx.moveTo((a.x + b.x) / 2, (a.y + b.y) / 2);
    ctx.quadraticCurveTo(b.x, b.y, (b.x + c.x) / 2, (b.y + c.y) / 2);
    ctx.stroke();
  }

  private redraw(): void {
    const ctx = this.ctx;
    if (!ctx) return;
    ctx.clearRect(0, 0, this.size.width, this.size.height);
    for (const stroke of this.strokes) {
      const first = stroke[0];
      if (!first) continue;
      ctx.beginPath();
      ctx.arc(first.x, first.y, ctx.lineWidth / 2, 0, Math.PI * 2);
      ctx.fillStyle = '#111827';
      ctx.fill();
      for (let i = 1; i < stroke.length; i++) this.drawSegment(stroke, i);
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.strokes.length);
  }
}

/**
 * PUTs a body to a presigned URL (fetch on H5; WeChat's request sends a string as it is and an
 * ArrayBuffer as bytes). Text goes as a string: WeChat's JS engine has no TextEncoder.
 */
export async function putToPresignedUrl(
  url: string,
  body: Uint8Array | string,
  contentType: string,
): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const response = await fetch(url, {
      method: 'PUT',
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: { 'content-type': contentType },
    });
    if (!response.ok) throw new Error(`upload failed: ${response.status}`);
    return;
  }
  const data =
    typeof body === 'string'
      ? body
      : (body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  const response = await Taro.request({
    url,
    method: 'PUT',
    data,
    header: { 'content-type': contentType },
  });
  if (response.statusCode >= 300) throw new Error(`upload failed: ${response.statusCode}`);
}
