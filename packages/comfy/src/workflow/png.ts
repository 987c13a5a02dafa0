// Reads the text chunks of a PNG: ComfyUI's SaveImage stores the API graph as `prompt` and the UI graph as `workflow`.
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(SIGNATURE);
}

/** `tEXt` and uncompressed `iTXt` chunks as keyword → text (CRCs are not checked). */
export function readPngText(bytes: Uint8Array): Record<string, string> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Record<string, string> = {};
  let at = 8;
  while (at + 12 <= buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const start = at + 8;
    const end = start + len;
    if (end + 4 > buf.length) break;
    const data = buf.subarray(start, end);
    const nul = data.indexOf(0);
    if (type === 'tEXt' && nul > 0) {
      out[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1);
    } else if (type === 'iTXt' && nul > 0 && data[nul + 1] === 0) {
      // keyword \0 compression-flag method language \0 translated \0 text
      const lang = data.indexOf(0, nul + 3);
      const translated = lang < 0 ? -1 : data.indexOf(0, lang + 1);
      if (translated >= 0) out[data.toString('latin1', 0, nul)] = data.toString('utf8', translated + 1);
    }
    if (type === 'IEND') break;
    at = end + 4;
  }
  return out;
}
