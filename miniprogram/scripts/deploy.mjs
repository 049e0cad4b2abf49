// The mini program's release: builds dist/weapp for a stage, checks it, and uploads it to WeChat
// with the official miniprogram-ci (the same upload as WeChat DevTools' 上传; the version then
// waits in the console's 版本管理 as a development version to submit for review).
//
//   npm run deploy:miniprogram -- --stage prod --version 1.4.0 --desc "…" [--robot 1] [--region cn-north-1]
//   npm run deploy:miniprogram -- --stage prod --version 1.4.0 --desc "…" --dry-run
//   … --no-build   checks and uploads dist/weapp as it is (refused unless built for that stage)
//
// The addresses come from the environment: API_BASE_URL (https://…, the HTTP API) and
// LIVE_CHAT_URL (wss://…, the WebSocket API). The appid and the code-upload key (代码上传密钥)
// come from the stage's SSM parameters /zhixiang-kefu/<stage>/wechat-app-id and
// /zhixiang-kefu/<stage>/wechat-upload-key, with AWS credentials from the usual chain.
// --dry-run reads no secret and needs no network: it builds (appid from WECHAT_APPID, else the
// tourist appid), runs every check, and prints what it would upload.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listFiles } from './weapp/files.mjs';

const require = createRequire(import.meta.url);
const { addressProblems, BUILD_TARGET_FILE } = require('../config/build-target.cjs');

const here = fileURLToPath(new URL('..', import.meta.url));
const dist = join(here, 'dist', 'weapp');
const DEPLOYED_STAGES = ['dev', 'prod'];

function fail(message) {
  console.error(`✗ ${message}`);
  process.exit(1);
}

const { values: args } = parseArgs({
  options: {
    stage: { type: 'string' },
    version: { type: 'string' },
    desc: { type: 'string' },
    robot: { type: 'string', default: '1' },
    region: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
  strict: true,
});
const dryRun = args['dry-run'];
if (!args.stage || !DEPLOYED_STAGES.includes(args.stage))
  fail(`--stage 必须是 ${DEPLOYED_STAGES.join(' 或 ')}（本地环境不上传微信）`);
if (!args.version || !/^\d+\.\d+\.\d+$/.test(args.version)) fail('--version 必须形如 1.4.0');
if (!args.desc?.trim()) fail('--desc 必须写明本次版本说明');
const robot = Number(args.robot);
if (!Number.isInteger(robot) || robot < 1 || robot > 30)
  fail('--robot 必须是 1–30 的整数（miniprogram-ci 机器人编号）');

const ssmPrefix = `/zhixiang-kefu/${args.stage}`;

/**
 * The stage's appid and code-upload key, from SSM (SecureString, decrypted), with the same SSM
 * client the functions use (a dependency of the functions workspace, installed at the root).
 */
async function readStageSecrets() {
  const { SSMClient, GetParametersCommand } = await import('@aws-sdk/client-ssm');
  const client = new SSMClient(args.region ? { region: args.region } : {});
  const names = [`${ssmPrefix}/wechat-app-id`, `${ssmPrefix}/wechat-upload-key`];
  const answer = await client
    .send(new GetParametersCommand({ Names: names, WithDecryption: true }))
    .catch((error) => fail(`读取 ${ssmPrefix} 的 SSM 参数失败（凭证与区域是否正确？）：${error.message}`));
  const value = (name) => answer.Parameters?.find((p) => p.Name === name)?.Value;
  const missing = names.filter((name) => !value(name));
  if (missing.length > 0) fail(`SSM 中缺少参数：${missing.join('、')}（见 README 的发布清单）`);
  return { appid: value(names[0]), privateKey: value(names[1]) };
}

const secrets = dryRun ? null : await readStageSecrets();
const appid = secrets?.appid ?? process.env.WECHAT_APPID ?? 'touristappid';

const repoBin = join(here, '..', 'node_modules', '.bin');
const env = {
  ...process.env,
  PATH: `${repoBin}${delimiter}${process.env.PATH ?? ''}`,
  NODE_PATH: join(here, 'node_modules'),
};

function step(name, command, commandArgs, extraEnv = {}, quiet = false) {
  console.log(`▶ ${name}`);
  const run = spawnSync(command, commandArgs, {
    cwd: here,
    env: { ...env, ...extraEnv },
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    if (quiet) process.stdout.write(`${run.stdout ?? ''}\n${run.stderr ?? ''}`);
    fail(`${name} 未通过`);
  }
}

if (!args['no-build'])
  step(
    `weapp build for ${args.stage}`,
    'taro',
    ['build', '--type', 'weapp'],
    { NODE_ENV: 'production', APP_STAGE: args.stage, WECHAT_APPID: appid },
    true,
  );

// The build must be this stage's, with addresses WeChat accepts, for this appid.
const targetFile = join(dist, BUILD_TARGET_FILE);
if (!existsSync(targetFile)) fail(`${targetFile} 不存在：dist/weapp 不是本命令构建的，请去掉 --no-build`);
const target = JSON.parse(readFileSync(targetFile, 'utf8'));
if (target.stage !== args.stage) fail(`dist/weapp 是为 ${target.stage} 环境构建的，不能上传到 ${args.stage}`);
const problems = addressProblems(target);
if (problems.length > 0) fail(`dist/weapp 的地址不合规：${problems.join('；')}`);
if (target.appid !== appid) fail(`dist/weapp 的 appid 是 ${target.appid}，${args.stage} 环境的是 ${appid}`);

step('scan for APIs WeChat lacks', 'node', ['scripts/weapp/check-apis.mjs']);
step('load harness (WeChat globals only)', 'node', ['scripts/weapp/load-harness.mjs'], {}, true);
step('wcc/wcsc compile', 'node', ['scripts/check-wechat-compile.mjs']);
step('package-size budget', 'node', ['scripts/check-package-size.mjs']);

const files = listFiles(dist, '').filter((file) => file !== BUILD_TARGET_FILE);
const summary = [
  `  stage:    ${args.stage}`,
  `  appid:    ${appid}${dryRun ? '（演练：未读取 SSM）' : ''}`,
  `  version:  ${args.version}`,
  `  desc:     ${args.desc}`,
  `  robot:    ${robot}`,
  `  API:      ${target.apiBaseUrl}`,
  `  chat:     ${target.liveChatUrl}`,
  `  files:    ${files.length} under ${dist} (${BUILD_TARGET_FILE} is not uploaded)`,
].join('\n');

if (dryRun) {
  console.log(`\n演练（--dry-run）：以下内容通过了全部检查，但没有上传。\n${summary}`);
  process.exit(0);
}

const ci = require('miniprogram-ci');
const project = new ci.Project({
  appid,
  type: 'miniProgram',
  projectPath: dist,
  privateKey: secrets.privateKey,
  ignores: [BUILD_TARGET_FILE, '**/*.map', '**/*.LICENSE.txt'],
});
console.log(`\n上传到微信：\n${summary}`);
const result = await ci
  .upload({
    project,
    version: args.version,
    desc: args.desc,
    robot,
    // Taro has already compiled and minified; WeChat only packs what it is given.
    setting: { es6: false, es7: false, minify: false, minifyJS: false, minifyWXML: false, minifyWXSS: false },
    onProgressUpdate: (task) => {
      if (typeof task === 'object' && task.status === 'done') console.log(`  ✓ ${task.message}`);
    },
  })
  .catch((error) =>
    fail(`miniprogram-ci 上传失败（IP 白名单、上传密钥是否正确？）：${error.message ?? error}`),
  );
for (const pkg of result.subPackageInfo ?? [])
  console.log(`  ${pkg.name}: ${(pkg.size / 1024).toFixed(1)} KiB`);
console.log(`✓ ${args.version} 已上传：在微信公众平台「版本管理」中设为体验版或提交审核`);
