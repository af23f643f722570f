// Progress of a long call (an approval, an export, a verify of the whole file), reported from
// deep inside the core without threading a callback through every stage: the host runs each
// call with its own sink, and code that has nothing listening reports into nothing.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ProgressPhase, TaskProgress } from './task-progress';

export type { ProgressPhase, TaskProgress } from './task-progress';

export type ProgressSink = (progress: TaskProgress) => void;

const sinks = new AsyncLocalStorage<ProgressSink>();

/** Runs `work` with `sink` receiving what it reports, through every await inside it. */
export function withProgress<T>(sink: ProgressSink, work: () => T): T {
  return sinks.run(sink, work);
}

export function reportProgress(phase: ProgressPhase, done = 0, total = 0): void {
  sinks.getStore()?.({ phase, done, total });
}

/**
 * Reports a loop's progress every `every` items, not on each: the sink is cheap, but a loop
 * over 200,000 entries need not ask for it 200,000 times.
 */
export function progressEvery(phase: ProgressPhase, total: number, every = 1000): (done: number) => void {
  const sink = sinks.getStore();
  if (!sink) return () => {};
  sink({ phase, done: 0, total });
  return (done) => {
    if (done % every === 0 || done === total) sink({ phase, done, total });
  };
}
