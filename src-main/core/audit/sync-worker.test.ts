// Waiting synchronously for a thread: a reply is taken in order; a thread that dies without replying is given up after
// its silence, without ending this process when its error arrives later; a slow thread that beats is waited for.
import { describe, expect, it } from 'vitest';
import { SyncWorker } from './sync-worker';

/** CommonJS thread code with the reply and beat protocol of sync-worker.ts written out (eval threads import none). */
const thread = (body: string) => `
const { workerData } = require('node:worker_threads');
const counter = new Int32Array(workerData.signal);
const reply = (m) => { workerData.port.postMessage(m); Atomics.add(counter, 0, 1); Atomics.notify(counter, 0); };
const beat = () => Atomics.add(counter, 1, 1);
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
${body}
`;

describe('SyncWorker', () => {
  it('takes the replies in the order they were posted', () => {
    const worker = new SyncWorker(thread('reply(1); reply(2); reply(3);'), { evaluate: true, name: 'test' });
    for (let i = 0; i < 3; i++) worker.expect();
    try {
      expect([worker.next(), worker.next(), worker.next()]).toEqual([1, 2, 3]);
      expect(worker.pending).toBe(0);
    } finally {
      worker.close();
    }
  });

  it('gives up a thread that dies without a word, and its error does not end this process afterwards', async () => {
    const worker = new SyncWorker(thread('throw new Error("gone");'), {
      evaluate: true,
      name: 'dying',
      stallMs: 1_500,
    });
    worker.expect();
    const started = Date.now();
    expect(() => worker.next()).toThrow('the dying thread gave no sign in 1.5 s');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    // The thread's error event is delivered once the event loop turns: it must be taken, not thrown.
    await new Promise((resolve) => setTimeout(resolve, 200));
    worker.close();
  });

  it('waits for a thread slower than the silence allowed while it beats', () => {
    const worker = new SyncWorker(thread('for (let i = 0; i < 6; i++) { sleep(400); beat(); } reply("done");'), {
      evaluate: true,
      name: 'slow',
      stallMs: 1_500,
    });
    worker.expect();
    try {
      expect(worker.next()).toBe('done');
    } finally {
      worker.close();
    }
  });
});
