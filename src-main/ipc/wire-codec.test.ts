import { describe, expect, it } from 'vitest';
import { createWireCodec, portableBase64, wireCodec } from './wire-codec';

const nodeBase64 = {
  toBase64: (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  fromBase64: (text: string) => new Uint8Array(Buffer.from(text, 'base64')),
};

describe('wire codec', () => {
  it('writes bytes as {"$bytes": base64} and reads them back as a Uint8Array', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const text = wireCodec.encode({ args: { fileName: 'a.xlsx', bytes } });
    expect(JSON.parse(text)).toEqual({ args: { fileName: 'a.xlsx', bytes: { $bytes: 'AAEC+v8=' } } });
    const back = wireCodec.decode(text) as { args: { fileName: string; bytes: Uint8Array } };
    expect(back.args.bytes).toBeInstanceOf(Uint8Array);
    expect([...back.args.bytes]).toEqual([...bytes]);
  });

  it('treats a Node Buffer as bytes, not as its toJSON() form', () => {
    const text = wireCodec.encode({ file: Buffer.from('hi') });
    expect(JSON.parse(text)).toEqual({ file: { $bytes: 'aGk=' } });
  });

  it('agrees with Buffer on large and odd-sized data, in both directions', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) % 256);
    const portable = portableBase64.toBase64(bytes);
    expect(portable).toBe(nodeBase64.toBase64(bytes));
    expect([...portableBase64.fromBase64(portable)]).toEqual([...bytes]);
    const server = createWireCodec(nodeBase64);
    const decoded = server.decode(wireCodec.encode([bytes])) as Uint8Array[];
    expect(decoded[0]?.length).toBe(bytes.length);
    expect(decoded[0]?.[99_999]).toBe(bytes[99_999]);
  });

  it('leaves other objects alone, including ones that merely have a $bytes key among others', () => {
    const value = { a: 1, b: [null, 'x'], c: { $bytes: 'AA==', more: true } };
    expect(wireCodec.decode(wireCodec.encode(value))).toEqual(value);
  });
});
