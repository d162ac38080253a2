import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RepoError } from '../../shared/commands/refusal';
import { useSubmit } from './use-submit';

describe('useSubmit', () => {
  it('puts a refusal beside the field it names, anything else on the form', async () => {
    const { result } = renderHook(() => useSubmit(['reason']));
    let ok = true;
    await act(async () => {
      ok = await result.current.run(() =>
        Promise.reject(new RepoError('Give a reason.', 'reason')),
      );
    });
    expect(ok).toBe(false);
    expect(result.current.errors).toEqual({ reason: 'Give a reason.' });
    // A field this form does not show: the message must not vanish.
    await act(async () => {
      await result.current.run(() => Promise.reject(new RepoError('No such role.', 'role')));
    });
    expect(result.current.errors).toEqual({ form: 'No such role.' });
    await act(async () => {
      await result.current.run(() => Promise.reject(new Error('disk full')));
    });
    expect(result.current.errors.form).toMatch(/^Not saved: the disk is full\./);
  });

  it('clears the errors on success and runs one write at a time', async () => {
    const { result } = renderHook(() => useSubmit(['title']));
    act(() => result.current.setErrors({ title: 'Say what to do.' }));
    let release = () => undefined as void;
    const slow = new Promise<void>((r) => {
      release = r;
    });
    let writes = 0;
    let first: Promise<boolean> = Promise.resolve(false);
    let second = true;
    await act(async () => {
      first = result.current.run(() => {
        writes += 1;
        return slow;
      });
      await Promise.resolve();
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      second = await result.current.run(() => {
        writes += 1;
        return Promise.resolve();
      });
    });
    expect(second).toBe(false);
    await act(async () => {
      release();
      expect(await first).toBe(true);
    });
    expect(writes).toBe(1);
    expect(result.current.busy).toBe(false);
    expect(result.current.errors).toEqual({});
  });
});
