import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyPart, usePreloadWhenIdle, whenIdle } from './lazy';

function Hello({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('lazyPart', () => {
  it('loads the module once, whether preloaded or rendered first', async () => {
    const load = vi.fn(() => Promise.resolve({ Hello }));
    const part = lazyPart(load, (m) => m.Hello);
    await part.preload();
    await part.preload();
    render(
      <Suspense fallback={null}>
        <part.Component name="war room" />
      </Suspense>,
    );
    expect(await screen.findByText('Hello war room')).toBeVisible();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load instead of keeping the failure', async () => {
    const load = vi
      .fn<() => Promise<{ Hello: typeof Hello }>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue({ Hello });
    const part = lazyPart(load, (m) => m.Hello);
    await expect(part.preload()).rejects.toThrow('offline');
    await expect(part.preload()).resolves.toBeDefined();
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('idle work', () => {
  it('whenIdle runs the callback later, not at once', async () => {
    const run = vi.fn();
    whenIdle(run);
    expect(run).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
  });

  it('usePreloadWhenIdle loads each part in turn and survives a failure', async () => {
    const order: string[] = [];
    const parts = [
      { preload: () => (order.push('a'), Promise.reject(new Error('offline'))) },
      { preload: () => (order.push('b'), Promise.resolve()) },
    ];
    function Preloader() {
      usePreloadWhenIdle(parts);
      return null;
    }
    render(<Preloader />);
    await vi.waitFor(() => expect(order).toEqual(['a', 'b']));
  });
});
