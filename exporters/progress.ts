// Every exporter is written once as a generator that appends its output to an array and yields after each
// record. The sync API drains it in one go; the async API drains it in slices, handing the event loop
// back between slices so a page driving a large export keeps painting and can show progress or cancel.

export type Steps = Generator<void, void, undefined>;

export interface ProgressOptions {
  /** Called after each slice and once at the end, with records done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Records per slice between yields to the event loop (default 500). */
  sliceSize?: number;
  /** Stops the export between slices; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

export function runSync(steps: Steps): void {
  for (;;) if (steps.next().done) return;
}

/** A macrotask, not a microtask: microtasks run before rendering, so they would not let the page paint. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runSliced(steps: Steps, total: number, options: ProgressOptions = {}): Promise<void> {
  const sliceSize = Math.max(1, options.sliceSize ?? 500);
  let done = 0;
  let reported = -1;
  for (;;) {
    options.signal?.throwIfAborted();
    let finished = false;
    for (let i = 0; i < sliceSize; i++) {
      if (steps.next().done) {
        finished = true;
        break;
      }
      done += 1;
    }
    if (finished) break;
    reported = Math.min(done, total);
    options.onProgress?.(reported, total);
    await nextTask();
  }
  // The end is reported once, whether or not the last slice happened to reach it.
  if (reported !== total) options.onProgress?.(total, total);
}
