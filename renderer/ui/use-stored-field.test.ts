import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStoredField } from './use-stored-field';

function setup(initial: string) {
  return renderHook(({ stored }) => useStoredField(stored), { initialProps: { stored: initial } });
}

describe('useStoredField', () => {
  it('shows the stored value, following it while the user has not typed', () => {
    const { result, rerender } = setup('Dana');
    expect([result.current.value, result.current.edited]).toEqual(['Dana', false]);
    rerender({ stored: 'Priya' });
    expect([result.current.value, result.current.edited]).toEqual(['Priya', false]);
  });

  it('shows the user’s text once they type, whatever the store does meanwhile', () => {
    const { result, rerender } = setup('Dana');
    act(() => result.current.set('Sam'));
    rerender({ stored: 'Priya' });
    expect([result.current.value, result.current.edited]).toEqual(['Sam', true]);
  });

  it('after a save, keeps the text until the store holds it, then follows the store again', () => {
    const { result, rerender } = setup('Dana');
    act(() => result.current.set('Sam '));
    act(() => result.current.saved('Sam'));
    expect([result.current.value, result.current.edited]).toEqual(['Sam ', false]);
    rerender({ stored: 'Sam' });
    expect([result.current.value, result.current.edited]).toEqual(['Sam', false]);
    rerender({ stored: 'Priya' });
    expect(result.current.value).toBe('Priya');
  });

  it('a save that lands after the user typed again marks nothing: their new text stays', () => {
    const { result, rerender } = setup('Dana');
    act(() => result.current.set('Sam'));
    const atBlur = result.current;
    act(() => result.current.set('Samuel'));
    act(() => atBlur.saved('Sam'));
    rerender({ stored: 'Sam' });
    expect([result.current.value, result.current.edited]).toEqual(['Samuel', true]);
  });

  it('revert drops the user’s text', () => {
    const { result } = setup('Dana');
    act(() => result.current.set('x'));
    act(() => result.current.revert());
    expect([result.current.value, result.current.edited]).toEqual(['Dana', false]);
  });
});
