// The core host as Electron runs it: a utility process (a Node process Electron starts and
// supervises), handed a MessagePort in its first message; the contract travels over that port.
import { MessageChannelMain, utilityProcess } from 'electron';
import type { HostLink } from '../host/core-client';
import type { FromHost } from '../host/host-protocol';

export function utilityHostLink(entry: string, lane: string): HostLink {
  const child = utilityProcess.fork(entry, [], { serviceName: `Loyalty Desk core (${lane})`, stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage({ type: 'port' }, [port2]);
  port1.start();
  return {
    post: (message) => port1.postMessage(message),
    onMessage: (listener) => port1.on('message', (event) => listener(event.data as FromHost)),
    onExit: (listener) => child.once('exit', () => listener()),
    kill: () => {
      child.kill();
    },
  };
}
