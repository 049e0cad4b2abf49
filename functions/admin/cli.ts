import { parseArgs } from 'node:util';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { type AdminStage, configureStage } from './stage-environment';

const USAGE = `智享客服 admin CLI

  npm run admin -- --stage local|dev|prod <command> [options]

Commands
  seed                                    写入演示数据（幂等：重复执行不改变任何数据）
  import-customers <file.csv>             导入客户：${'customerId,name,idNumber,phone,branchId,agentId'}
  import-policies <file.csv>              导入保单（先导入客户），列见 functions/admin/samples/policies.csv
  import-assignments <file.csv>           导入业务员分配：customerId,agentId
  import-products <file.csv>              导入/更新产品目录（知客），列见 functions/admin/samples/products.csv
  import-events <file.csv>                导入客户俱乐部活动（每行一个场次），列见 functions/admin/samples/events.csv
  create-staff --user-id ID --name 姓名 --branch 机构代码 [--openid OPENID]
  create-executive --user-id ID --name 姓名 --branch 机构代码 [--openid OPENID]
                                          创建高管账号（总/分公司高管、中支与四级机构负责人：聆听本机构及下属机构的客户之声，督办投诉）
  create-agent --agent-id 工号 --user-id ID --name 姓名 --branch 机构代码 [--openid OPENID]
  rotate-field-key [--skip-reencrypt]     轮换字段加密数据密钥，并用新密钥重新加密已存数据
  load-knowledge [目录]                   加载智能客服知识库（默认 knowledge/*.json）为新版本并原子切换；内容未变则不写入
  assistant-feedback-report [--from 日期] [--to 日期]
                                          智能客服未能回答与「没用」问题报告（默认近 7 天，最多 31 天；只读）
  send-renewal-notices                    立即执行一次续期通知任务（与每小时定时任务相同；本地环境演示用）
  build-notify-on-index                   为已有数据表建立续期通知时间索引（逐页读取全部保单；可重复执行，可在系统运行时执行）
  notice-funnel [--from 日期] [--to 日期]  打印续期通知送达漏斗（默认最近 7 天）
  paper-saved                             打印电子信函节约用纸（护一棵树）报表
  outbox [--lines N]                      打印本地短信与微信订阅消息发件箱（仅本地环境）
  void-document <文件号> --reason 原因 --user-id 操作人
                                          作废已出具的批单或已签署的申请书（保留文件，核验时显示「已作废」、原因与时间）
  standards-report [--from 日期] [--to 日期] [--granularity day|week|month]
                                          服务标准达标报告（CSV：各标准达标率，及标准 × 机构 × 统计期明细；默认近 30 天；只读）
  count-policies                          统计各机构有效保单数（供投诉报表计算万张保单投诉量；逐页读取全部保单，可在系统运行时执行）
  complaints-report [--from 日期] [--to 日期] [--branch 机构代码]
                                          投诉报表（CSV：各机构、类别的投诉量与万张保单投诉量，各时限达标率，重复投诉，
                                          满意度，未关闭整改；默认近 30 天，最长 366 天；只读，不含个人信息）
  import-calendar <file.json>             导入国务院公布的年度节假日与调休安排到业务日历（config/business-calendar.json，无需 --stage，重新部署后生效）

Every CSV row is validated before anything is written: a file with a bad row imports nothing and
lists each bad row with its line number. Re-importing the same file changes nothing.
On --stage prod, commands that write need --yes.
AWS credentials for dev/prod come from the default chain (AWS_PROFILE, SSO, instance role...).`;

const WRITES = new Set([
  'seed',
  'import-customers',
  'import-policies',
  'import-assignments',
  'import-products',
  'import-events',
  'create-staff',
  'create-executive',
  'create-agent',
  'rotate-field-key',
  'load-knowledge',
  // Renewal notices: the hourly run on demand, and the one-off build of its notify-on index.
  'send-renewal-notices',
  'build-notify-on-index',
  // Electronic documents: void an issued 批单 or a signed application.
  'void-document',
  // The complaints report's in-force policies per branch (a snapshot the report reads).
  'count-policies',
]);
// Reports that write nothing: no --yes needed on prod.
const READS = new Set([
  'notice-funnel',
  'paper-saved',
  'outbox',
  'assistant-feedback-report',
  'standards-report',
  'complaints-report',
]);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      stage: { type: 'string' },
      region: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      granularity: { type: 'string' },
      yes: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      'user-id': { type: 'string' },
      'agent-id': { type: 'string' },
      name: { type: 'string' },
      branch: { type: 'string' },
      openid: { type: 'string' },
      'skip-reencrypt': { type: 'boolean', default: false },
      lines: { type: 'string' },
      reason: { type: 'string' },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  // The business calendar is configuration bundled with the functions, not table data: no stage.
  if (command === 'import-calendar') {
    if (!args[0]) return fail('请指定节假日安排文件：import-calendar <file.json>');
    const { importCalendar } = await import('./commands/import-calendar');
    console.log(await importCalendar(args[0]));
    return 0;
  }
  const stage = values.stage as AdminStage | undefined;
  if (stage !== 'local' && stage !== 'dev' && stage !== 'prod')
    return fail('请用 --stage local|dev|prod 指定环境');
  if (!WRITES.has(command) && !READS.has(command)) return fail(`未知命令 ${command}\n\n${USAGE}`);
  if (stage === 'prod' && WRITES.has(command) && !values.yes)
    return fail(`${command} 会写入生产环境数据：确认无误后加上 --yes 重新执行`);

  await configureStage(stage, values.region ? { region: values.region } : {});
  // Imported only after the environment is set: the container reads it when built.
  const { createSystem } = await import('../src/system');
  const container = createSystem();
  const { repositories } = container;
  const today = todayInShanghai();
  const progress = (done: number, total: number) =>
    process.stderr.write(
      `\r  进度 ${done}/${total}（${Math.round((done / total) * 100)}%）${done === total ? '\n' : ''}`,
    );
  console.error(`[${stage}] 表 ${process.env.TABLE_NAME}`);

  switch (command) {
    case 'seed': {
      const { seedDemoData } = await import('../src/seed/seed-demo-data');
      const report = await seedDemoData({
        repositories,
        today,
        notifyOn: { index: container.notifyOn, now: container.now },
      });
      for (const [entity, tally] of Object.entries(report))
        console.log(
          `${entity.padEnd(10)} 新增 ${tally.created}  更新 ${tally.updated}  未变 ${tally.unchanged}`,
        );
      return 0;
    }
    case 'import-customers':
    case 'import-policies':
    case 'import-assignments': {
      const file = args[0];
      if (!file) return fail(`${command} 需要一个 CSV 文件路径`);
      const imports = await import('./imports/run-import');
      const report = await imports.runImport(command, file, {
        repositories,
        today,
        progress,
        notifyOn: { index: container.notifyOn, now: container.now },
      });
      console.log(
        `${file}：共 ${report.rows} 行，新增 ${report.created}，更新 ${report.updated}，未变 ${report.unchanged}`,
      );
      return 0;
    }
    case 'import-products': {
      const file = args[0];
      if (!file) return fail(`${command} 需要一个 CSV 文件路径`);
      const { readCsv } = await import('./imports/csv-rows');
      const { importProducts, PRODUCT_COLUMNS } = await import('./imports/import-products');
      const report = await importProducts(file, await readCsv(file, PRODUCT_COLUMNS), {
        catalogue: repositories.catalogue,
        progress,
      });
      console.log(
        `${file}：共 ${report.rows} 行，新增 ${report.created}，更新 ${report.updated}，未变 ${report.unchanged}`,
      );
      return 0;
    }
    // Club events (太尊享 / 太活力 / 太有爱), one row per session.
    case 'import-events': {
      const file = args[0];
      if (!file) return fail(`${command} 需要一个 CSV 文件路径`);
      const { readCsv } = await import('./imports/csv-rows');
      const { importEvents, EVENT_COLUMNS } = await import('./imports/import-events');
      const report = await importEvents(file, await readCsv(file, EVENT_COLUMNS), {
        repositories,
        nowIso: new Date().toISOString(),
        progress,
      });
      console.log(`${file}：共 ${report.rows} 行，新增活动 ${report.created}，已存在 ${report.unchanged}`);
      return 0;
    }
    case 'create-staff':
    case 'create-executive':
    case 'create-agent': {
      const { createAgent, createExecutive, createStaff } = await import('./commands/create-accounts');
      const userId = values['user-id'];
      const name = values.name;
      const branchId = values.branch;
      if (!userId || !name || !branchId) return fail(`${command} 需要 --user-id、--name 和 --branch`);
      const base = { userId, name, branchId, ...(values.openid ? { openid: values.openid } : {}) };
      let outcome: string;
      if (command === 'create-agent') {
        const agentId = values['agent-id'];
        if (!agentId) return fail('create-agent 需要 --agent-id');
        outcome = await createAgent(repositories, { ...base, agentId });
      } else {
        outcome = await (command === 'create-executive' ? createExecutive : createStaff)(repositories, base);
      }
      console.log(
        `${userId}：${{ created: '已创建', updated: '已更新', unchanged: '无变化' }[outcome] ?? outcome}`,
      );
      return 0;
    }
    case 'rotate-field-key': {
      const { rotateFieldDataKey } = await import('../src/platform/crypto/rotate-field-data-key');
      const { DynamoKeyringStore } = await import('../src/platform/crypto/keyring-store');
      const { reencryptStoredFields } = await import('../src/platform/crypto/reencrypt-fields');
      const result = await rotateFieldDataKey({
        keyring: new DynamoKeyringStore(container.table),
        wrapper: container.fieldKeyWrapper,
        ...(values['skip-reencrypt']
          ? {}
          : {
              reencryptAll: (cipher) =>
                reencryptStoredFields(container.table, cipher, (n) =>
                  process.stderr.write(`\r  已重新加密 ${n} 条`),
                ),
            }),
      });
      console.log(
        `\n数据密钥版本 ${result.previousVersion} → ${result.currentVersion}，重新加密 ${result.reencrypted} 条记录`,
      );
      return 0;
    }
    // The assistant's knowledge base (智能客服知识库).
    case 'load-knowledge': {
      const { loadKnowledgeBase, readKnowledgeFiles } = await import(
        '../src/assistant/use-cases/load-knowledge-base'
      );
      const entries = await readKnowledgeFiles(...(args[0] ? [args[0]] : []));
      const outcome = await loadKnowledgeBase(repositories.knowledgeBase, entries, Date.now());
      console.log(
        outcome.status === 'unchanged'
          ? `知识库内容未变：仍为版本 ${outcome.version}（${outcome.entryCount} 条）`
          : `知识库版本 ${outcome.previousVersion ?? '无'} → ${outcome.version}，共 ${outcome.entryCount} 条`,
      );
      return 0;
    }
    // Electronic documents: an issued document that no longer counts (docs/electronic-documents.md).
    case 'void-document': {
      const [documentId] = args;
      const userId = values['user-id'];
      if (!documentId || !values.reason || !userId)
        return fail('void-document 需要文件号、--reason 作废原因和 --user-id 操作人');
      const { voidDocument } = await import('../src/documents/use-cases/void-document');
      const voided = await voidDocument(container, { documentId, reason: values.reason, byUserId: userId });
      console.log(`${voided.documentId}（${voided.title}）已作废：${voided.voided?.reason}`);
      return 0;
    }
    // E-letters and renewal notices.
    case 'send-renewal-notices': {
      const { runRenewalNotices } = await import('../src/letters/use-cases/run-renewal-notices');
      const { renewalRunDeps } = await import('../src/letters/wiring-issuing');
      const report = await runRenewalNotices(renewalRunDeps(container));
      console.log(
        `扫描 ${report.scanned} 笔应缴保费，到期通知 ${report.due} 条，本次认领 ${report.claimed} 条，发送 ${report.delivered} 条，失败 ${report.failed} 条；待发通知（静默时段结束、失败重试）送达 ${report.outbox.sent + report.outbox.unreachable} 条、再次失败 ${report.outbox.retrying + report.outbox.failed} 条`,
      );
      return 0;
    }
    case 'build-notify-on-index': {
      const { buildNotifyOnIndex } = await import('../src/letters/adapters/notify-on-index');
      const count = await buildNotifyOnIndex(
        container.notifyOn,
        repositories.policies,
        container.now(),
        (done) => process.stderr.write(`\r  已处理 ${done} 份保单`),
      );
      console.log(`\n续期通知时间索引已建立：共 ${count} 份保单`);
      return 0;
    }
    case 'notice-funnel': {
      const { printNoticeFunnel } = await import('./commands/notices');
      await printNoticeFunnel(container, values.from, values.to);
      return 0;
    }
    case 'paper-saved': {
      const { printPaperSaved } = await import('./commands/notices');
      await printPaperSaved(container);
      return 0;
    }
    case 'outbox': {
      const { printOutbox } = await import('./commands/notices');
      await printOutbox(container, Number(values.lines ?? 20));
      return 0;
    }
    // Assistant live chat and the staff console: the knowledge base's improvement report.
    case 'assistant-feedback-report': {
      const { getAssistantFeedbackReport } = await import(
        '../src/assistant/use-cases/get-assistant-feedback-report'
      );
      const { formatFeedbackReport } = await import('./commands/assistant-feedback-report');
      const { parseBody } = await import('../src/platform/http/validation');
      const { FeedbackReportQuerySchema } = await import('@zhixiang/shared/assistant/feedback-report');
      const range = parseBody(FeedbackReportQuerySchema, { from: values.from, to: values.to });
      console.log(formatFeedbackReport(await getAssistantFeedbackReport(container, range)));
      return 0;
    }
    case 'standards-report': {
      const { getStandardsAttainment } = await import('../src/standards/use-cases/get-attainment');
      const { parseWindow } = await import('../src/standards/use-cases/standards-access');
      const { attainmentCsv } = await import('@zhixiang/shared/standards/report');
      const query = Object.fromEntries(
        Object.entries({ from: values.from, to: values.to, granularity: values.granularity }).filter(
          ([, v]) => v !== undefined,
        ),
      ) as Record<string, string>;
      const report = await getStandardsAttainment(
        container,
        { sub: 'admin-cli', role: 'admin' },
        parseWindow(query, container.now()),
      );
      process.stdout.write(attainmentCsv(report));
      return 0;
    }
    case 'count-policies': {
      const snapshot = await repositories.complaints.countPolicies(new Date(container.now()).toISOString());
      const counts = Object.values(snapshot.counts);
      console.log(`有效保单 ${counts.reduce((a, b) => a + b, 0)} 张，涉及 ${counts.length} 个机构`);
      return 0;
    }
    case 'complaints-report': {
      const { getComplaintReport, parseReportPeriod } = await import(
        '../src/complaints/use-cases/get-complaint-report'
      );
      const { complaintReportCsv } = await import('@zhixiang/shared/complaints/report');
      let branchPath = '';
      if (values.branch) {
        const branch = await repositories.branches.get(values.branch);
        if (!branch) return fail(`未找到机构 ${values.branch}`);
        branchPath = branch.path;
      }
      const report = await getComplaintReport(
        container,
        { role: 'admin' },
        parseReportPeriod({ from: values.from, to: values.to }, container.now()),
        branchPath,
      );
      process.stdout.write(complaintReportCsv(report));
      return 0;
    }
    default:
      return fail(`未知命令 ${command}`);
  }
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const isImportRejected =
      error instanceof Error && (error.name === 'ImportRejected' || error.name === 'KnowledgeBaseRejected');
    console.error(
      isImportRejected ? error.message : `失败：${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
