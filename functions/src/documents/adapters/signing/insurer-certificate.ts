import {
  createPrivateKey,
  constants as cryptoConstants,
  type KeyObject,
  privateEncrypt,
  X509Certificate,
} from 'node:crypto';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';

/**
 * The insurer's document-signing identity: a PKCS#12 (private key + certificate chain), and the CA
 * certificates our verification trusts. They are kept apart so the public verify function can
 * read the trusted CAs without being able to read the private key. Where they come from is the
 * provider's business (local-test-ca.ts on the local stage, secrets-manager-certificate.ts deployed).
 */
export interface InsurerKeyMaterial {
  p12: Uint8Array;
  passphrase: string;
}

export interface InsurerCertificateMaterial extends InsurerKeyMaterial {
  /** PEM certificates of the CA(s) that issued the signing certificate: what "issued by us" means. */
  trustedCaPem: string[];
}

/** The signing key: only the functions that sign read it. */
export interface InsurerKeySource {
  load(): Promise<InsurerKeyMaterial>;
}

/** The trusted CA certificates (public), read by the functions that sign and by the public verify. */
export interface TrustedCaSource {
  trustedCaPem(): Promise<string[]>;
}

export interface InsurerSigningIdentity {
  signer: Signer;
  /** The leaf certificate, for the audit trail. */
  subject: string;
  serialNumber: string;
  trustedCas: X509Certificate[];
}

/**
 * CAdES-detached CMS signer (SHA-256) over the PDF's byte ranges, as @signpdf/signer-p12 builds it,
 * but with the PKCS#12 decrypted once per process instead of once per document (its PBE key
 * derivation in pure JS dominates a warm signing otherwise).
 */
class ParsedP12Signer extends Signer {
  private readonly key: { sign(md: forge.md.MessageDigest): string };

  constructor(
    key: forge.pki.rsa.PrivateKey,
    private readonly leaf: forge.pki.Certificate,
    private readonly chain: forge.pki.Certificate[],
  ) {
    super();
    this.key = nativeRsaKey(key);
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const certificate of this.chain) p7.addCertificate(certificate);
    p7.addSigner({
      key: this.key as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.leaf,
      digestAlgorithm: forge.pki.oids.sha256 as string,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
        {
          type: forge.pki.oids.signingTime as string,
          value: (signingTime ?? new Date()) as unknown as string,
        },
        { type: forge.pki.oids.messageDigest as string },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

/**
 * node-forge's pkcs7 calls `key.sign(md)`; this key does the RSASSA-PKCS1-v1_5 operation in
 * node:crypto (native) over the DigestInfo of forge's SHA-256, several times faster than forge.
 */
function nativeRsaKey(key: forge.pki.rsa.PrivateKey): { sign(md: forge.md.MessageDigest): string } {
  const native: KeyObject = createPrivateKey(forge.pki.privateKeyToPem(key));
  return {
    sign(md) {
      const digestInfo = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [
        forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [
          forge.asn1.create(
            forge.asn1.Class.UNIVERSAL,
            forge.asn1.Type.OID,
            false,
            forge.asn1.oidToDer(forge.pki.oids.sha256 as string).getBytes(),
          ),
          forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.NULL, false, ''),
        ]),
        forge.asn1.create(
          forge.asn1.Class.UNIVERSAL,
          forge.asn1.Type.OCTETSTRING,
          false,
          md.digest().getBytes(),
        ),
      ]);
      const der = Buffer.from(forge.asn1.toDer(digestInfo).getBytes(), 'binary');
      return privateEncrypt({ key: native, padding: cryptoConstants.RSA_PKCS1_PADDING }, der).toString(
        'binary',
      );
    },
  };
}

export function signingIdentityFrom(material: InsurerCertificateMaterial): InsurerSigningIdentity {
  const p12 = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(material.p12).toString('binary'))),
    false,
    material.passphrase,
  );
  const keyBag = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag as string })[
    forge.pki.oids.pkcs8ShroudedKeyBag as string
  ]?.[0];
  const certificates = (
    p12.getBags({ bagType: forge.pki.oids.certBag as string })[forge.pki.oids.certBag as string] ?? []
  )
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => Boolean(cert));
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error('the document-signing PKCS#12 holds no private key');
  const leaf = certificates.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n.compareTo(key.n) === 0 && publicKey.e.compareTo(key.e) === 0;
  });
  if (!leaf) throw new Error('the document-signing PKCS#12 holds no certificate for its key');
  const leafX509 = new X509Certificate(forge.pki.certificateToPem(leaf));
  const trustedCas = material.trustedCaPem.map((pem) => new X509Certificate(pem));
  if (!trustedCas.some((ca) => leafX509.checkIssued(ca) && leafX509.verify(ca.publicKey)))
    throw new Error('the document-signing certificate was not issued by any trusted CA');
  return {
    signer: new ParsedP12Signer(key, leaf, certificates),
    subject: leafX509.subject.replace(/\n/g, ', '),
    serialNumber: leafX509.serialNumber,
    trustedCas,
  };
}

/** Loads the key and the trusted CAs once per process (and again after a failure). */
export class InsurerSigningKey {
  private identity: Promise<InsurerSigningIdentity> | undefined;

  constructor(
    private readonly keys: InsurerKeySource,
    private readonly trustedCas: TrustedCaSource,
  ) {}

  get(): Promise<InsurerSigningIdentity> {
    this.identity ??= Promise.all([this.keys.load(), this.trustedCas.trustedCaPem()]).then(
      ([key, trustedCaPem]) => signingIdentityFrom({ ...key, trustedCaPem }),
    );
    this.identity.catch(() => {
      this.identity = undefined;
    });
    return this.identity;
  }
}

/** The trusted CA certificates alone, once per process (and again after a failure): what verifying needs. */
export class TrustedCas {
  private certificates: Promise<X509Certificate[]> | undefined;

  constructor(private readonly source: TrustedCaSource) {}

  get(): Promise<X509Certificate[]> {
    this.certificates ??= this.source
      .trustedCaPem()
      .then((pems) => pems.map((pem) => new X509Certificate(pem)));
    this.certificates.catch(() => {
      this.certificates = undefined;
    });
    return this.certificates;
  }
}
