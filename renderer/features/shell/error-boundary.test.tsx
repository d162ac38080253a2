import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary';

function Bomb({ explode }: { explode: boolean }) {
  if (explode) throw new Error('bad timestamp');
  return <p>fine</p>;
}

function Harness() {
  const [explode, setExplode] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setExplode(false)}>
        fix
      </button>
      <ErrorBoundary what="The timeline">
        <Bomb explode={explode} />
      </ErrorBoundary>
      <p>sibling still here</p>
    </>
  );
}

describe('ErrorBoundary', () => {
  it('contains a failure, says what failed, and recovers on retry', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<Harness />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The timeline could not be displayed: bad timestamp',
    );
    expect(screen.getByText('sibling still here')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'fix' }));
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('fine')).toBeInTheDocument();
    spy.mockRestore();
  });

  it('a storage failure is shown in plain words, never its raw text', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Closed(): never {
      throw Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' });
    }
    render(
      <ErrorBoundary what="The timeline">
        <Closed />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The timeline could not be displayed: the connection to the database was lost (Warroom is reopening it). Nothing was lost',
    );
    expect(screen.getByRole('alert')).not.toHaveTextContent('Database has been closed');
    spy.mockRestore();
  });
});
