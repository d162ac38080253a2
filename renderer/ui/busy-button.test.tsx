import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BusyButton } from './busy-button';

describe('BusyButton', () => {
  it('keeps keyboard focus while busy, and ignores activation until done', () => {
    const onClick = vi.fn();
    const { rerender } = render(
      <BusyButton busy={false} onClick={onClick}>
        Copy Markdown
      </BusyButton>,
    );
    const button = screen.getByRole('button', { name: 'Copy Markdown' });
    button.focus();
    rerender(
      <BusyButton busy onClick={onClick}>
        Copy Markdown
      </BusyButton>,
    );
    expect(document.activeElement).toBe(button);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
    rerender(
      <BusyButton busy={false} onClick={onClick}>
        Copy Markdown
      </BusyButton>,
    );
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('a busy submit button does not submit its form', () => {
    const onSubmit = vi.fn((e: Event) => e.preventDefault());
    render(
      <form onSubmit={(e) => onSubmit(e.nativeEvent)}>
        <BusyButton type="submit" busy>
          Add
        </BusyButton>
      </form>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
