// The entry of a core host process. In Electron it is a utility process: the main process
// hands it a MessagePort in its first message and the contract travels over that port. In
// web mode (and in the tests, which drive the same host) it is a child process started with
// an IPC channel that clones structured values.
import { serveCore, type HostEndpoint } from './serve-core';
import type { FromHost, ToHost } from './host-protocol';

interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
}

interface ParentPortLike {
  once(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;

if (parentPort) {
  parentPort.once('message', ({ ports }) => {
    const port = ports[0];
    if (!port) throw new Error('The core host was started without its MessagePort.');
    const endpoint: HostEndpoint = {
      post: (message: FromHost) => port.postMessage(message),
      onMessage: (listener) => port.on('message', ({ data }) => listener(data as ToHost)),
    };
    serveCore(endpoint, undefined, () => process.exit(0));
    port.start();
  });
} else if (process.send) {
  const send = process.send.bind(process);
  const endpoint: HostEndpoint = {
    post: (message: FromHost) => void send(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as ToHost)),
  };
  // Disconnected on the next turn, not inside the message handler: when `init` and `close` came before this process
  // listened (a host closed while still starting), Node hands the queued messages over in one loop and then resets
  // the channel's queue, which fails on a channel already disconnected.
  serveCore(endpoint, undefined, () =>
    setImmediate(() => {
      if (process.connected) process.disconnect?.();
    }),
  );
  // The relay went away (closed, crashed): nobody is left to answer.
  process.on('disconnect', () => process.exit(0));
} else {
  console.error('The core host runs under Loyalty Desk (Electron or the web bridge), not on its own.');
  process.exit(2);
}
