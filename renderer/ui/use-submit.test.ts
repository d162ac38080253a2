import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RepoError } from '../../shared/commands/refusal';
import { useReasonedSubmit, useSubmit } from './use-submit';

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

  it('puts a refusal naming none of its fields beside the fallback field, storage failures on the form', async () => {
    const { result } = renderHook(() =>
      useSubmit(['person'], { fallback: 'person', context: 'action' }),
    );
    await act(async () => {
      await result.current.run(() =>
        Promise.reject(new RepoError('This incident no longer exists.')),
      );
    });
    expect(result.current.errors).toEqual({ person: 'This incident no longer exists.' });
    await act(async () => {
      await result.current.run(() => Promise.reject(new RepoError('Unknown role "x".', 'role')));
    });
    expect(result.current.errors).toEqual({ person: 'Unknown role "x".' });
    await act(async () => {
      await result.current.run(() => Promise.reject(new Error('disk full')));
    });
    expect(result.current.errors.person).toBeUndefined();
    expect(result.current.errors.form).toMatch(
      /^Not saved: the disk is full\..*Nothing was changed\./,
    );
  });
});

describe('useReasonedSubmit', () => {
  it("refuses an empty reason beside its field, with the form's own problems, and writes none", async () => {
    const { result } = renderHook(() =>
      useReasonedSubmit(['minutes'], 'Say why: it goes on the record.'),
    );
    const write = vi.fn(() => Promise.resolve());
    let ok = true;
    await act(async () => {
      ok = await result.current.check({ minutes: 'Enter whole minutes.' }, write);
    });
    expect(ok).toBe(false);
    expect(result.current.errors).toEqual({
      minutes: 'Enter whole minutes.',
      reason: 'Say why: it goes on the record.',
    });
    act(() => result.current.reasonInput.onChange({ target: { value: '  ' } }));
    await act(async () => {
      ok = await result.current.check({}, write);
    });
    expect(ok).toBe(false);
    expect(write).not.toHaveBeenCalled();
  });

  it('writes with the typed reason once all is well, and clears the errors', async () => {
    const { result } = renderHook(() => useReasonedSubmit([], 'Say why.'));
    const write = vi.fn((_reason: string) => Promise.resolve());
    act(() => result.current.reasonInput.onChange({ target: { value: 'Vendor fix at 14:00' } }));
    expect(result.current.reasonInput.value).toBe('Vendor fix at 14:00');
    let ok = false;
    await act(async () => {
      ok = await result.current.check({}, write);
    });
    expect(ok).toBe(true);
    expect(write).toHaveBeenCalledWith('Vendor fix at 14:00');
    expect(result.current.errors).toEqual({});
  });
});
