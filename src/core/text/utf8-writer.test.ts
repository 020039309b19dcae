import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Writer } from './utf8-writer.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('Utf8Writer', () => {
  it('gives the UTF-8 of the pieces and lines written, lone surrogates as U+FFFD like Buffer', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.string({ unit: 'binary' })), { maxLength: 20 }), (pieces) => {
        const out = new Utf8Writer();
        let text = '';
        for (const [asLine, piece] of pieces) {
          if (asLine) out.line(piece);
          else out.write(piece);
          text += asLine ? `${piece}\n` : piece;
        }
        expect(hex(out.bytes())).toBe(Buffer.from(text, 'utf8').toString('hex'));
      }),
    );
  });

  it('hands on full buffers as they fill, and keeps nothing of them', () => {
    const chunks: Uint8Array[] = [];
    const out = new Utf8Writer((chunk) => chunks.push(Uint8Array.from(chunk)));
    const line = `${'é’«x'.repeat(40)}\uD800`;
    let text = '';
    for (let i = 0; i < 20_000; i++) {
      out.line(line);
      text += `${line}\n`;
    }
    out.write('fin');
    text += 'fin';
    const rest = out.bytes();
    expect(chunks.length).toBeGreaterThan(1);
    expect(rest.length).toBe(0);
    expect(Buffer.concat([...chunks, rest]).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('gives what it wrote in the buffers it wrote it in, the same bytes as joined', () => {
    const make = () => {
      const out = new Utf8Writer();
      for (let i = 0; i < 30_000; i++) out.line(`  - {"id": "s${i}", "text": "C’est « ça » ${i}"}`);
      return out;
    };
    const pieces = make().pieces();
    expect(pieces.length).toBeGreaterThan(1);
    expect(Buffer.concat(pieces).equals(Buffer.from(make().bytes()))).toBe(true);
  });

  it('writes a text but its ASCII head and tail as the slice would, at a buffer’s start too', () => {
    const ascii = fc.string({ unit: fc.constantFrom('[', '\n', ' ', '{', ',', ']') });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), ascii, fc.string({ unit: 'binary' }), ascii), { maxLength: 12 }), (pieces) => {
        const out = new Utf8Writer();
        let text = '';
        for (const [inner, head, body, tail] of pieces) {
          if (inner) out.writeInner(head + body + tail, head.length, tail.length);
          else out.write(head + body + tail);
          text += inner ? body : head + body + tail;
        }
        expect(hex(out.bytes())).toBe(Buffer.from(text, 'utf8').toString('hex'));
      }),
    );
    // Across buffers: each new buffer starts with a text whose head cannot be written over.
    const out = new Utf8Writer();
    let text = '';
    for (let i = 0; i < 3000; i++) {
      const body = `« ${'é'.repeat(i % 700)} »`;
      out.writeInner(`[\n  ${body}\n]`, 4, 2);
      text += body;
    }
    expect(out.pieces().length).toBeGreaterThan(1);
    expect(Buffer.from(out.bytes()).toString('utf8')).toBe(text);
  });
});
