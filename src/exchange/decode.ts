// Text files as Dutch offices make them: UTF-8 with or without a byte order mark, or
// Windows-1252 (Excel's "CSV" on Windows). UTF-8 is tried strictly first; bytes that are not
// valid UTF-8 mean the file is Windows-1252.

export function decodeTekst(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
