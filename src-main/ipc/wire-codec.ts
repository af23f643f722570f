// How a call's arguments and results cross HTTP in web mode: JSON, with each Uint8Array
// (a client file on its way in, an export file on its way out) written as
// {"$bytes":"<base64>"}. Pure TypeScript without Node imports: the renderer's web bridge
// and the Node server share this one module, so both sides agree by construction.

export interface Base64Functions {
  toBase64(bytes: Uint8Array): string;
  fromBase64(text: string): Uint8Array;
}

// String.fromCharCode takes its arguments on the stack; 32 K at a time stays far below
// every engine's argument limit while keeping the number of calls small for big files.
const CHUNK = 0x8000;

/** Base64 with btoa/atob, which browsers and Node 16+ both have. */
export const portableBase64: Base64Functions = {
  toBase64(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += CHUNK) {
      binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
    }
    return btoa(binary);
  },
  fromBase64(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  },
};

const BYTES_KEY = '$bytes';

function isBytesEnvelope(value: unknown): value is { $bytes: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 && keys[0] === BYTES_KEY && typeof (value as Record<string, unknown>)[BYTES_KEY] === 'string'
  );
}

export interface WireCodec {
  encode(value: unknown): string;
  decode(text: string): unknown;
}

/**
 * A codec over the given base64 functions. The server passes Buffer-based ones (much
 * faster on a 100 MB file); the renderer uses the portable default.
 */
export function createWireCodec(base64: Base64Functions = portableBase64): WireCodec {
  return {
    encode(value) {
      // The holder's own value, not `item`: a Node Buffer has a toJSON() that JSON.stringify
      // applies before the replacer sees it.
      return JSON.stringify(value, function (this: Record<string, unknown>, key: string, item: unknown) {
        const original = this[key];
        return original instanceof Uint8Array ? { [BYTES_KEY]: base64.toBase64(original) } : item;
      });
    },
    decode(text) {
      return JSON.parse(text, (_key, item: unknown) =>
        isBytesEnvelope(item) ? base64.fromBase64(item[BYTES_KEY]) : item,
      );
    },
  };
}

export const wireCodec = createWireCodec();

/** The URL path of a call in web mode. */
export const WEB_CALL_PREFIX = '/api/call/';

/** The header that carries the session token on every API call; a cookie alone is not enough. */
export const WEB_TOKEN_HEADER = 'x-loyalty-token';
