/**
 * Text written straight into UTF-8 buffers of about a megabyte, piece by piece: a large file
 * (a coder file of 20,000 segments, a REFI-QDA project of 30 MB) is never held as one string and
 * then its bytes. Given `onChunk`, each full buffer goes there at once (to be compressed while the
 * rest is written) and none is kept.
 *
 * Each piece is encoded on its own rather than joined with the others first: most lines are ASCII,
 * and one line with a « or a ’ makes a joined string two bytes a character, slower to build and
 * to encode (measured: a third less time for the XML of a 200-interview project).
 */
export class Utf8Writer {
  private static readonly SIZE = 1 << 20;
  /** `encodeInto` writes UTF-8 about twice as fast as `Buffer#write` (measured on 400,000 lines of XML). */
  private static readonly encoder = new TextEncoder();
  private chunk = new Uint8Array(0);
  private at = 0;
  private readonly chunks: Uint8Array[] = [];

  constructor(private readonly onChunk?: (chunk: Uint8Array) => void) {}

  /** Room for `bytes` more bytes in the current buffer. */
  private room(bytes: number): void {
    if (this.chunk.length - this.at < bytes) {
      this.settle();
      // Not zeroed (every byte handed on is written); a plain view, which `subarray` makes faster than a Buffer's.
      const buffer = Buffer.allocUnsafe(Math.max(Utf8Writer.SIZE, bytes));
      this.chunk = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
    }
  }

  /** Appends `text`. */
  write(text: string): void {
    // At most 3 bytes of UTF-8 per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
    this.room(text.length * 3);
    this.at += Utf8Writer.encoder.encodeInto(text, this.chunk.subarray(this.at)).written;
  }

  /** Appends `text` and a line break. */
  line(text: string): void {
    this.room(text.length * 3 + 1);
    this.at += Utf8Writer.encoder.encodeInto(text, this.chunk.subarray(this.at)).written;
    this.chunk[this.at++] = 0x0a;
  }

  /** The bytes `writeInner` writes its text's head over, put back after it. */
  private static readonly saved = new Uint8Array(256);

  /**
   * Appends `text` without its first `head` and last `tail` code units, which must be ASCII: the
   * text is encoded whole, starting `head` bytes back, and the bytes it wrote over are put back —
   * what `write(text.slice(head, -tail))` writes, without the copy of the text a slice makes.
   */
  writeInner(text: string, head: number, tail: number): void {
    this.room(text.length * 3);
    if (this.at < head || head > Utf8Writer.saved.length) {
      this.write(text.slice(head, text.length - tail));
      return;
    }
    const from = this.at - head;
    const saved = Utf8Writer.saved;
    for (let i = 0; i < head; i++) saved[i] = this.chunk[from + i] as number;
    const written = Utf8Writer.encoder.encodeInto(text, this.chunk.subarray(from)).written;
    for (let i = 0; i < head; i++) this.chunk[from + i] = saved[i] as number;
    this.at = from + written - tail;
  }

  /** Hands on the bytes written so far; the next piece starts a new buffer. */
  private settle(): void {
    if (this.at > 0) {
      const done = this.chunk.subarray(0, this.at);
      if (this.onChunk === undefined) this.chunks.push(done);
      else this.onChunk(done);
    }
    this.chunk = new Uint8Array(0);
    this.at = 0;
  }

  /** Everything written, in UTF-8 (what was not given to `onChunk`: nothing, then). */
  bytes(): Uint8Array {
    this.settle();
    if (this.chunks.length === 1) return this.chunks[0] as Uint8Array;
    const all = Buffer.concat(this.chunks);
    this.chunks.length = 0;
    this.chunks.push(all);
    return all;
  }

  /** Everything written, in the buffers it was written in (what was not given to `onChunk`). */
  pieces(): Uint8Array[] {
    this.settle();
    return [...this.chunks];
  }

  text(): string {
    return new TextDecoder().decode(this.bytes());
  }
}
