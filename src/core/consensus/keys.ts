/**
 * A disagreement's key read back (`P1|boundaries|120-340:impuissance|120-298:impuissance|k3j2h1ab9z0q`):
 * where its passage started, and its shape — the key without where it is (participant, kind,
 * each side's spans from the passage's start with their codes, and the fingerprint of the
 * segments and text). Two keys of the same shape name the same disagreement, moved. Keys an
 * earlier codage wrote have no fingerprint (four fields).
 */

export interface KeyParts {
  /** Where the passage starts, in code points. */
  start: number;
  shape: string;
  /** Null in a key an earlier codage wrote. */
  fingerprint: string | null;
}

interface KeyItem {
  start: number;
  end: number;
  codes: string;
}

function items(field: string): KeyItem[] | null {
  if (field === '') return [];
  const out: KeyItem[] = [];
  for (const part of field.split(',')) {
    const m = /^(\d+)-(\d+):(.+)$/.exec(part);
    if (!m) return null;
    out.push({ start: Number(m[1]), end: Number(m[2]), codes: m[3]! });
  }
  return out;
}

/** The parts of a key, or null when it is not one codage wrote (a row typed by hand). */
export function keyParts(key: string): KeyParts | null {
  const fields = key.split('|');
  if (fields.length !== 4 && fields.length !== 5) return null;
  const [participant, kind, a, b, fingerprint] = fields as [string, string, string, string, string | undefined];
  const sideA = items(a);
  const sideB = items(b);
  if (sideA === null || sideB === null || sideA.length + sideB.length === 0) return null;
  const start = Math.min(...sideA.map((i) => i.start), ...sideB.map((i) => i.start));
  const relative = (side: KeyItem[]) => side.map((i) => `${i.start - start}-${i.end - start}:${i.codes}`).join(',');
  return { start, shape: `${participant}|${kind}|${relative(sideA)}|${relative(sideB)}|${fingerprint ?? ''}`, fingerprint: fingerprint ?? null };
}

/** The key without its fingerprint: what an earlier codage wrote for the same disagreement. */
export function keyWithoutFingerprint(key: string): string {
  const fields = key.split('|');
  return fields.length === 5 ? fields.slice(0, 4).join('|') : key;
}

/** The shape of a key, as an earlier codage's key (without fingerprint) of the same disagreement has it. */
export function shapeWithoutFingerprint(parts: KeyParts): string {
  return parts.fingerprint === null ? parts.shape : parts.shape.slice(0, parts.shape.length - parts.fingerprint.length);
}
