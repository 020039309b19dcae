import { describe, expect, it } from 'vitest';
import { decodeEntities } from './entities.js';

describe('decodeEntities', () => {
  it('decodes named and numeric references, and leaves unknown names as written', () => {
    expect(decodeEntities('Dr&nbsp;Martin &amp; M&#233;lanie &#xE9;t&#XE9; &lt;v&gt; &quot;ok&quot; &apos; &eacute;')).toBe("Dr\u00a0Martin & Mélanie été <v> \"ok\" ' &eacute;");
    expect(decodeEntities('a&lrm;b&rlm;c')).toBe('abc');
    expect(decodeEntities('AT&T, 5 & 6')).toBe('AT&T, 5 & 6');
  });

  it('reads a reference to no character as U+FFFD instead of failing', () => {
    expect(decodeEntities('&#0;&#xD800;&#99999999;&#x110000;')).toBe('\ufffd\ufffd\ufffd\ufffd');
  });
});
