const shifts = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const constants = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/**
 * The MD5 digest of a string's UTF-8 bytes, as lowercase hex. WebCrypto has no MD5; redguy's
 * application-token flow signs with it, so the mock computes it here. Never use it for security.
 * @see https://www.rfc-editor.org/rfc/rfc1321
 */
export function md5(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const blocks = new Uint8Array(((bytes.length + 8) >>> 6) * 64 + 64);
  blocks.set(bytes);
  blocks[bytes.length] = 0x80;
  const view = new DataView(blocks.buffer);
  view.setUint32(blocks.length - 8, (bytes.length * 8) >>> 0, true);
  view.setUint32(blocks.length - 4, Math.floor(bytes.length / 2 ** 29), true);
  const digest = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let offset = 0; offset < blocks.length; offset += 64) {
    let [a, b, c, d] = digest as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const round = i >>> 4;
      const f = [(b & c) | (~b & d), (d & b) | (~d & c), b ^ c ^ d, c ^ (b | ~d)][round] as number;
      const word = [i, (5 * i + 1) % 16, (3 * i + 5) % 16, (7 * i) % 16][round] as number;
      const sum = (a + f + (constants[i] as number) + view.getUint32(offset + word * 4, true)) | 0;
      const shift = shifts[round * 4 + (i % 4)] as number;
      [a, d, c] = [d, c, b];
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
    }
    digest[0] = ((digest[0] as number) + a) | 0;
    digest[1] = ((digest[1] as number) + b) | 0;
    digest[2] = ((digest[2] as number) + c) | 0;
    digest[3] = ((digest[3] as number) + d) | 0;
  }
  return digest
    .map((word) =>
      Array.from({ length: 4 }, (_, i) => ((word >>> (8 * i)) & 0xff).toString(16).padStart(2, '0')).join(''),
    )
    .join('');
}
