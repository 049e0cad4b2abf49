import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/**
 * Checks the last digital signature of a PDF: that its byte ranges cover the whole file, that the
 * CMS message digest equals the SHA-256 of those ranges, that the signature over the signed
 * attributes verifies with the signer's certificate, and whether that certificate chains to one
 * of `trustedCas` (the insurer's). node-forge parses the ASN.1; node:crypto does the cryptography.
 * A file that carries no signature — none at all, an unfilled placeholder (zero byte ranges or
 * zero-filled contents), or contents that are not a CMS signature — is `unsigned`, never
 * `modified`: "changed after signing" is said only of a file that was signed.
 */
export type PdfSignatureCheck =
  | { status: 'unsigned' }
  | { status: 'modified'; reason: string }
  | { status: 'foreign'; subject: string; signingTime: Date | null }
  | { status: 'valid'; subject: string; serialNumber: string; signingTime: Date | null };

const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};

export function checkPdfSignature(
  pdf: Uint8Array,
  trustedCas: readonly X509Certificate[],
): PdfSignatureCheck {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return { status: 'unsigned' };
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  if (b === 0 && c === 0 && d === 0) return { status: 'unsigned' };
  if (a !== 0 || c + d !== bytes.length || b >= c)
    return { status: 'modified', reason: 'the signed byte ranges do not cover the whole file' };
  const contents = text.slice(b, c).replace(/[<>\s]/g, '');
  if (!/^[0-9a-fA-F]+$/.test(contents))
    return { status: 'modified', reason: 'the signature value is damaged' };
  if (/^0*$/.test(contents)) return { status: 'unsigned' };

  let parsed: ReturnType<typeof parseCms>;
  try {
    parsed = parseCms(Buffer.from(contents, 'hex'));
  } catch {
    return { status: 'unsigned' };
  }
  if (parsed.digestOid !== OID.sha256) return { status: 'modified', reason: 'not a SHA-256 signature' };
  const digest = createHash('sha256')
    .update(bytes.subarray(a, a + b))
    .update(bytes.subarray(c, c + d))
    .digest();
  if (!parsed.messageDigest || !digest.equals(parsed.messageDigest))
    return { status: 'modified', reason: 'the document digest does not match the signed digest' };
  const signer = parsed.certificates.find((cert) => {
    try {
      return verifySignature('sha256', parsed.signedAttributes, cert.publicKey, parsed.signature);
    } catch {
      return false;
    }
  });
  if (!signer)
    return { status: 'modified', reason: 'the signature does not verify with any enclosed certificate' };
  const subject = signer.subject.replace(/\n/g, ', ');
  if (!chainsTo(signer, parsed.certificates, trustedCas))
    return { status: 'foreign', subject, signingTime: parsed.signingTime };
  return { status: 'valid', subject, serialNumber: signer.serialNumber, signingTime: parsed.signingTime };
}

function chainsTo(
  cert: X509Certificate,
  enclosed: readonly X509Certificate[],
  trusted: readonly X509Certificate[],
): boolean {
  let current = cert;
  for (let depth = 0; depth < 5; depth++) {
    if (trusted.some((ca) => current.checkIssued(ca) && current.verify(ca.publicKey))) return true;
    const issuer = enclosed.find(
      (c) => c !== current && current.checkIssued(c) && current.verify(c.publicKey),
    );
    if (!issuer) return false;
    current = issuer;
  }
  return false;
}

/** ContentInfo → SignedData → the first SignerInfo, as far as verification needs it. */
function parseCms(der: Buffer) {
  // The signature placeholder is zero-padded: stop after the CMS structure. (@types/node-forge
  // still declares only the old boolean `strict` argument; forge 1.x takes these options.)
  const root = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')), {
    parseAllBytes: false,
  } as unknown as boolean);
  const signedData = child(child(root, 1), 0);
  const parts = signedData.value as forge.asn1.Asn1[];
  const certificates = (
    (parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0)?.value ??
      []) as forge.asn1.Asn1[]
  ).map((asn) => new X509Certificate(Buffer.from(forge.asn1.toDer(asn).getBytes(), 'binary')));
  const signerInfos = parts.at(-1);
  const signerInfo = child(signerInfos, 0);
  const fields = signerInfo.value as forge.asn1.Asn1[];
  const digestOid = forge.asn1.derToOid((child(fields[2], 0).value as string) ?? '');
  const attributes = fields.find((f) => f.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && f.type === 0);
  if (!attributes) throw new Error('no signed attributes');
  const signatureField = fields.find(
    (f, i) =>
      i > fields.indexOf(attributes) &&
      f.tagClass === forge.asn1.Class.UNIVERSAL &&
      f.type === forge.asn1.Type.OCTETSTRING,
  );
  if (!signatureField) throw new Error('no signature value');
  // The signature covers the attributes DER-encoded as a SET, not with their [0] IMPLICIT tag.
  const signedAttributes = Buffer.from(forge.asn1.toDer(attributes).getBytes(), 'binary');
  signedAttributes[0] = 0x31;
  let messageDigest: Buffer | null = null;
  let signingTime: Date | null = null;
  for (const attribute of attributes.value as forge.asn1.Asn1[]) {
    const oid = forge.asn1.derToOid(child(attribute, 0).value as string);
    const value = child(child(attribute, 1), 0);
    if (oid === OID.messageDigest) messageDigest = Buffer.from(value.value as string, 'binary');
    if (oid === OID.signingTime)
      signingTime =
        value.type === forge.asn1.Type.UTCTIME
          ? forge.asn1.utcTimeToDate(value.value as string)
          : forge.asn1.generalizedTimeToDate(value.value as string);
  }
  return {
    certificates,
    digestOid,
    signedAttributes,
    signature: Buffer.from(signatureField.value as string, 'binary'),
    messageDigest,
    signingTime,
  };
}

function child(node: forge.asn1.Asn1 | undefined, index: number): forge.asn1.Asn1 {
  const value = node?.value;
  if (!Array.isArray(value) || !value[index]) throw new Error('unexpected CMS structure');
  return value[index] as forge.asn1.Asn1;
}
