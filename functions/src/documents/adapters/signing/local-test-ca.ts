import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import forge from 'node-forge';
import { assertLocalStage, type Stage } from '../../../platform/config';
import type { InsurerKeyMaterial, InsurerKeySource, TrustedCaSource } from './insurer-certificate';

/**
 * The local stage's document-signing identity: a test CA and a leaf certificate it issued, created
 * on first use in a git-ignored folder (`.local/document-signing/`) and reused afterwards. Names
 * are ASCII (node-forge double-encodes a Chinese issuer, which breaks verification). Serves both the
 * key and the trusted CA. Refuses to run on any deployed stage.
 */
export class LocalTestCaCertificates implements InsurerKeySource, TrustedCaSource {
  private readonly files: { ca: string; p12: string; passphrase: string };

  constructor(
    stage: Stage,
    private readonly dir: string,
  ) {
    assertLocalStage(stage, 'LocalTestCaCertificates');
    this.files = {
      ca: join(dir, 'test-ca.pem'),
      p12: join(dir, 'document-signing.p12'),
      passphrase: join(dir, 'document-signing.passphrase'),
    };
  }

  async load(): Promise<InsurerKeyMaterial> {
    await this.created();
    return {
      p12: await readFile(this.files.p12),
      passphrase: (await readFile(this.files.passphrase, 'utf8')).trim(),
    };
  }

  async trustedCaPem(): Promise<string[]> {
    await this.created();
    return [await readFile(this.files.ca, 'utf8')];
  }

  /**
   * The chain is made once per folder: the key and the trusted CA are read at the same time
   * (signing needs both), and two creations at once would leave a key that no trusted CA issued.
   * Within a process one creation runs; across processes (test workers sharing a folder) each
   * writes its chain into a folder of its own and renames it into place, so the folder appears
   * whole and the first one stays.
   */
  private created(): Promise<void> {
    const { files } = this;
    if (existsSync(files.p12) && existsSync(files.ca) && existsSync(files.passphrase))
      return Promise.resolve();
    let creating = chainsBeingCreated.get(this.dir);
    if (!creating) {
      creating = (async () => {
        const created = createTestChain();
        await mkdir(dirname(this.dir), { recursive: true });
        const staging = await mkdtemp(join(dirname(this.dir), `.${basename(this.dir)}-`));
        await writeFile(join(staging, basename(files.ca)), created.caPem);
        await writeFile(join(staging, basename(files.passphrase)), created.passphrase, { mode: 0o600 });
        await writeFile(join(staging, basename(files.p12)), created.p12, { mode: 0o600 });
        try {
          await rename(staging, this.dir);
        } catch (error) {
          // Another process put its chain in place first: that one stays.
          await rm(staging, { recursive: true, force: true });
          const code = (error as NodeJS.ErrnoException).code;
          if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
        }
      })();
      chainsBeingCreated.set(this.dir, creating);
      creating.then(
        () => chainsBeingCreated.delete(this.dir),
        () => chainsBeingCreated.delete(this.dir),
      );
    }
    return creating;
  }
}

const chainsBeingCreated = new Map<string, Promise<void>>();

function forgeKeys() {
  // Node generates RSA keys in native code; node-forge would take seconds.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

function certificate(options: {
  subject: forge.pki.CertificateField[];
  issuer: forge.pki.CertificateField[];
  publicKey: forge.pki.rsa.PublicKey;
  signingKey: forge.pki.rsa.PrivateKey;
  years: number;
  extensions: object[];
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = options.publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + options.years * 365 * 24 * 3600_000);
  cert.setSubject(options.subject);
  cert.setIssuer(options.issuer);
  cert.setExtensions(options.extensions);
  cert.sign(options.signingKey, forge.md.sha256.create());
  return cert;
}

/** Exported for tests that need "a PDF signed by someone else": the same kind of chain, another CA. */
export function createTestChain(
  names: { ca: string; leaf: string } = {
    ca: 'Zhixiang Kefu LOCAL TEST Document CA',
    leaf: 'Shili Life Insurance Document Signing (LOCAL TEST)',
  },
) {
  const caKeys = forgeKeys();
  const leafKeys = forgeKeys();
  const caName = [
    { name: 'commonName', value: names.ca },
    { name: 'organizationName', value: 'Local Test Only' },
    { name: 'countryName', value: 'CN' },
  ];
  const ca = certificate({
    subject: caName,
    issuer: caName,
    publicKey: caKeys.publicKey,
    signingKey: caKeys.privateKey,
    years: 10,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ],
  });
  const leaf = certificate({
    subject: [
      { name: 'commonName', value: names.leaf },
      { name: 'organizationName', value: 'Local Test Only' },
      { name: 'countryName', value: 'CN' },
    ],
    issuer: caName,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    years: 3,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ],
  });
  const passphrase = randomBytes(18).toString('base64url');
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(leafKeys.privateKey, [leaf, ca], passphrase, {
    algorithm: '3des',
  });
  return {
    caPem: forge.pki.certificateToPem(ca),
    p12: Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary'),
    passphrase,
  };
}
