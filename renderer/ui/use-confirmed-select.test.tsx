import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useConfirmedSelect } from './use-confirmed-select';

type S = 'a' | 'b' | 'c' | 'd';

/** A select bound to a "stored" value; every commit is logged, as a timeline entry would be. */
function Harness({ log }: { log: S[] }) {
  const [stored, setStored] = useState<S>('a');
  const props = useConfirmedSelect<S>(stored, (next) => {
    log.push(next);
    setStored(next);
  });
  return (
    <>
      <select aria-label="Choice" {...props}>
        {(['a', 'b', 'c', 'd'] as const).map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
      <button type="button">elsewhere</button>
    </>
  );
}

/** What a browser does for ArrowDown on a closed select: a keydown, then a change. */
function arrowTo(select: HTMLSelectElement, value: S) {
  fireEvent.keyDown(select, { key: 'ArrowDown' });
  fireEvent.change(select, { target: { value } });
}

describe('useConfirmedSelect', () => {
  it('records nothing while arrowing, then one change on Enter', () => {
    const log: S[] = [];
    render(<Harness log={log} />);
    const select = screen.getByLabelText<HTMLSelectElement>('Choice');
    arrowTo(select, 'b');
    arrowTo(select, 'c');
    arrowTo(select, 'd');
    expect(log).toEqual([]);
    expect(select.value).toBe('d');
    expect(select.dataset.state).toBe('pending');
    fireEvent.keyDown(select, { key: 'Enter' });
    expect(log).toEqual(['d']);
    expect(select.dataset.state).toBe('saved');
  });

  it('commits a keyboard choice when focus leaves, and drops it on Escape', () => {
    const log: S[] = [];
    render(<Harness log={log} />);
    const select = screen.getByLabelText<HTMLSelectElement>('Choice');
    arrowTo(select, 'b');
    fireEvent.keyDown(select, { key: 'Escape' });
    expect(select.value).toBe('a');
    fireEvent.blur(select);
    expect(log).toEqual([]);
    arrowTo(select, 'c');
    fireEvent.blur(select);
    expect(log).toEqual(['c']);
  });

  it('commits a pointer choice at once', () => {
    const log: S[] = [];
    render(<Harness log={log} />);
    const select = screen.getByLabelText<HTMLSelectElement>('Choice');
    fireEvent.pointerDown(select);
    fireEvent.change(select, { target: { value: 'c' } });
    expect(log).toEqual(['c']);
  });
});
