/** Admin reports and tools of e-letters and renewal notices. */
import { readFile } from 'node:fs/promises';
import { paperSavingSettings } from '@zhixiang/shared/letters/model';
import { NOTICE_TYPE_NAMES } from '@zhixiang/shared/notices/due-notices';
import { getNoticeFunnel } from '../../src/letters/use-cases/get-notice-funnel';
import type { System } from '../../src/system';

/** The admin CLI reads company-wide reports as an admin. */
const ADMIN_CLI = { sub: 'admin-cli', role: 'admin' } as const;

const percent = (part: number, whole: number) =>
  whole === 0 ? '   —' : `${((part / whole) * 100).toFixed(0).padStart(3)}%`;

/** The delivery funnel per day, notice type and channel, with each stage's rate of the eligible. */
export async function printNoticeFunnel(container: System, from?: string, to?: string): Promise<void> {
  const {
    from: start,
    to: end,
    rows,
  } = await getNoticeFunnel(container, ADMIN_CLI, {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  console.log(`续期通知送达漏斗 ${start} ~ ${end}`);
  console.log('日期        通知类型      渠道     应发  有渠道  已受理  已送达  已打开  失败');
  for (const r of rows) {
    console.log(
      `${r.day}  ${NOTICE_TYPE_NAMES[r.noticeType].padEnd(6, '　')}  ${r.channel.padEnd(7)} ${String(r.eligible).padStart(5)}  ${percent(r.reachable, r.eligible)}   ${percent(r.accepted, r.eligible)}   ${percent(r.delivered, r.eligible)}   ${percent(r.opened, r.eligible)}  ${String(r.failed).padStart(4)}`,
    );
  }
  if (rows.length === 0) console.log('（该期间没有通知）');
}

/** "Protect a tree": the company's paper saved by e-letters, in total and per month. */
export async function printPaperSaved(container: System): Promise<void> {
  const totals = await container.letters.paperSavedTotals();
  totals.sort((a, b) =>
    a.period === 'total' ? 1 : b.period === 'total' ? -1 : a.period.localeCompare(b.period),
  );
  console.log('电子信函节约用纸（护一棵树）');
  for (const t of totals) {
    const sheets = t.pages * paperSavingSettings.sheetsPerLetterPage;
    const trees = (sheets / paperSavingSettings.sheetsPerTree).toFixed(2);
    console.log(
      `${t.period === 'total' ? '累计    ' : t.period}  信函 ${t.letters} 封  纸张 ${sheets} 张  约 ${trees} 棵树`,
    );
  }
  console.log(
    `换算：每 ${paperSavingSettings.sheetsPerTree} 张纸约一棵树。来源：${paperSavingSettings.source}`,
  );
}

/** The local outboxes: SMS and WeChat subscribe messages "sent" on the local stage, newest last. */
export async function printOutbox(container: System, lines = 20): Promise<void> {
  const files: [string, string | null][] = [
    ['短信', container.config.sms.provider === 'sandbox-outbox' ? container.config.sms.outboxFile : null],
    [
      '微信订阅消息',
      container.config.notices.subscribeMessages.provider === 'sandbox-outbox'
        ? container.config.notices.subscribeMessages.outboxFile
        : null,
    ],
  ];
  for (const [name, file] of files) {
    if (!file) {
      console.log(`${name}：本环境经真实服务商发送，没有本地发件箱`);
      continue;
    }
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const entries = text.split('\n').filter(Boolean).slice(-lines);
    console.log(`${name}发件箱 ${file}（最近 ${entries.length} 条）`);
    for (const entry of entries) console.log(`  ${entry}`);
  }
}
