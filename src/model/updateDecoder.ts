// Reading Yjs updates (v1 encoding) faster where it counts for the relay: the strings inside them.
// An edit of a field is an envelope { v, by, p, at } of short strings, and Yjs (through lib0) turns
// every string into a JS string with a TextDecoder call, whose fixed cost dominates for strings of
// a few bytes: most of the time of decoding an edit. Short ASCII strings are made here with one
// String.fromCharCode call over their bytes instead (flat strings: building them a character at a
// time made rope strings, which made a 3.3 MB tafel's update apply 1.3x slower than stock Yjs
// instead of 1.4x faster, 2026-12-02); everything else goes through the very same decoder lib0 uses, so
// the values are identical to what Y.applyUpdate and Y.decodeUpdate read.
//
// FastUpdateDecoderV1 is Yjs's own UpdateDecoderV1 with those readers replaced; Yjs takes a
// decoder class wherever it reads an update (decodeUpdateV2, applyUpdateV2), so the struct and
// delete-set reading stays Yjs's own.

import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as lib0String from 'lib0/string';

/** Longer strings go to the TextDecoder, whose fixed cost is then paid off. */
const SHORT = 64;
const ERROR_END = new Error('Unexpected end of array');

function readString(d: decoding.Decoder): string {
  const len = decoding.readVarUint(d);
  const start = d.pos;
  const end = start + len;
  const arr = d.arr;
  if (end > arr.length) throw ERROR_END;
  d.pos = end;
  if (len <= SHORT) {
    let i = start;
    while (i < end && arr[i]! < 0x80) i++;
    if (i === end) return String.fromCharCode.apply(null, arr.subarray(start, end) as unknown as number[]);
  }
  return lib0String.decodeUtf8(arr.subarray(start, end));
}

/** lib0's readAny (same encoding, same values), with the strings read by readString. */
function readAny(d: decoding.Decoder): unknown {
  const type = decoding.readUint8(d);
  switch (type) {
    case 127:
      return undefined;
    case 126:
      return null;
    case 125:
      return decoding.readVarInt(d);
    case 124:
      return decoding.readFloat32(d);
    case 123:
      return decoding.readFloat64(d);
    case 122:
      return decoding.readBigInt64(d);
    case 121:
      return false;
    case 120:
      return true;
    case 119:
      return readString(d);
    case 118: {
      const len = decoding.readVarUint(d);
      const obj: Record<string, unknown> = {};
      for (let i = 0; i < len; i++) {
        const key = readString(d);
        obj[key] = readAny(d);
      }
      return obj;
    }
    case 117: {
      const len = decoding.readVarUint(d);
      const out: unknown[] = [];
      for (let i = 0; i < len; i++) out.push(readAny(d));
      return out;
    }
    case 116:
      return decoding.readVarUint8Array(d);
    default:
      throw new Error(`unknown value type ${type}`);
  }
}

/** Yjs's UpdateDecoderV1, reading strings and plain values faster (identical results). */
export class FastUpdateDecoderV1 extends Y.UpdateDecoderV1 {
  override readString(): string {
    return readString(this.restDecoder);
  }

  override readKey(): string {
    return readString(this.restDecoder);
  }

  override readAny(): unknown {
    return readAny(this.restDecoder);
  }

  override readJSON(): unknown {
    return JSON.parse(readString(this.restDecoder));
  }
}

/** Y.decodeUpdate, reading strings faster. */
export function decodeUpdateFast(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  return Y.decodeUpdateV2(update, FastUpdateDecoderV1 as unknown as typeof Y.UpdateDecoderV2);
}

/** Y.applyUpdate, reading strings faster. */
export function applyUpdateFast(doc: Y.Doc, update: Uint8Array, origin?: unknown): void {
  Y.applyUpdateV2(doc, update, origin, FastUpdateDecoderV1 as unknown as typeof Y.UpdateDecoderV2);
}
