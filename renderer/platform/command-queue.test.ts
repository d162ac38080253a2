import { describe, expect, it, vi } from 'vitest';
import { createCommandQueue } from './command-queue';

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('createCommandQueue', () => {
  it('keeps commands that arrive before anyone listens and hands them over in order', async () => {
    const queue = createCommandQueue<string>();
    queue.push('open-settings');
    queue.push('toggle-theme');
    const listener = vi.fn();
    queue.listen(listener);
    expect(listener).not.toHaveBeenCalled();
    await tick();
    expect(listener.mock.calls).toEqual([['open-settings'], ['toggle-theme']]);
    queue.push('new-incident');
    expect(listener).toHaveBeenLastCalledWith('new-incident');
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('delivers queued commands once, to the listener still subscribed (StrictMode remount)', async () => {
    const queue = createCommandQueue<string>();
    queue.push('toggle-theme');
    const first = vi.fn();
    const second = vi.fn();
    const off = queue.listen(first);
    off();
    queue.listen(second);
    await tick();
    expect(first).not.toHaveBeenCalled();
    expect(second.mock.calls).toEqual([['toggle-theme']]);
  });

  it('keeps commands again while nobody listens', async () => {
    const queue = createCommandQueue<string>();
    const off = queue.listen(vi.fn());
    off();
    queue.push('open-settings');
    const later = vi.fn();
    queue.listen(later);
    await tick();
    expect(later).toHaveBeenCalledWith('open-settings');
  });
});
