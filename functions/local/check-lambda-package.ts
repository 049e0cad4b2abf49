import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './local-paths';
import { loadServerlessConfig } from './serverless-config';

/**
 * `npm run check:lambda-package`: packages the service as a deploy would (`npm run package`, whose
 * npm_config_cpu/os/libc make serverless-esbuild's `npm ci` AND its `npm prune` resolve the
 * optional native packages for Lambda's platform) and checks that the assistant's function carries
 * @node-rs/jieba's linux-arm64-gnu binary — an ELF file for AArch64 — and no other platform's.
 * Slow (it bundles every function); run it before a deploy and after dependency changes.
 */
const ELF_MACHINE = { arm64: 0xb7, x86_64: 0x3e } as const;

const config = loadServerlessConfig({ stage: 'prod' });
const architecture = ((config.provider as { architecture?: string }).architecture ??
  'x86_64') as keyof typeof ELF_MACHINE;
const expectedPackage = architecture === 'arm64' ? 'jieba-linux-arm64-gnu' : 'jieba-linux-x64-gnu';

const out = mkdtempSync(join(tmpdir(), 'zx-package-'));
const unzipped = mkdtempSync(join(tmpdir(), 'zx-unzipped-'));
try {
  execFileSync('npm', ['run', '-s', 'package', '--', '--package', out], { cwd: repoRoot, stdio: 'inherit' });
  execFileSync('unzip', ['-q', join(out, 'sendAssistantMessage.zip'), '-d', unzipped]);
  const nodeRs = readdirSync(join(unzipped, 'node_modules', '@node-rs'));
  const natives = nodeRs.filter((name) => name !== 'jieba');
  if (natives.length !== 1 || natives[0] !== expectedPackage)
    throw new Error(
      `sendAssistantMessage carries ${natives.join(', ') || 'no native jieba'}; Lambda (${architecture}) needs ${expectedPackage}`,
    );
  const dir = join(unzipped, 'node_modules', '@node-rs', expectedPackage);
  const binary = readdirSync(dir).find((name) => name.endsWith('.node'));
  if (!binary) throw new Error(`${expectedPackage} has no .node file`);
  const header = readFileSync(join(dir, binary)).subarray(0, 20);
  const machine = header.readUInt16LE(18);
  if (header.subarray(0, 4).toString('latin1') !== '\x7fELF' || machine !== ELF_MACHINE[architecture])
    throw new Error(
      `${binary} is not an ELF binary for ${architecture} (e_machine 0x${machine.toString(16)})`,
    );
  console.log(
    `✓ sendAssistantMessage.zip carries @node-rs/${expectedPackage}/${binary} (ELF, ${architecture})`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
  rmSync(unzipped, { recursive: true, force: true });
}
