import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  type SmsMessage,
  type SmsSender,
  type SmsTemplate,
  smsTemplateParams,
} from '@zhixiang/shared/ports/sms-sender';
import { assertLocalStage, type Stage } from '../config';

export interface OutboxLine {
  to: string;
  /** The template's first variable: the one-time code, the time, or a letter's title. */
  code: string;
  template: SmsTemplate;
  /** The template's variables as the provider would receive them. */
  params: string[];
  at: string;
}

/**
 * Local stage only: "sends" by appending one JSON line per message to a file. The developer reads
 * the code there (`npm start` prints the path) and tests read it with readLatestSandboxCode.
 */
export class SandboxOutboxSms implements SmsSender {
  constructor(
    stage: Stage,
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {
    assertLocalStage(stage, 'SandboxOutboxSms');
  }

  async send(message: SmsMessage): Promise<void> {
    const line: OutboxLine = {
      to: message.to,
      code: message.code,
      template: message.template,
      params: smsTemplateParams(message),
      at: new Date(this.now()).toISOString(),
    };
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(line)}\n`);
  }
}

/** The newest code sent to `phone` in the sandbox outbox, or null if none was. */
export async function readLatestSandboxCode(file: string, phone: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const lines = text.split('\n').filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = JSON.parse(lines[i] ?? '') as OutboxLine;
    if (line.to === phone) return line.code;
  }
  return null;
}
