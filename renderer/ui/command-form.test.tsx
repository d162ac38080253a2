import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandForm } from './command-form';

afterEach(cleanup);

describe('CommandForm', () => {
  it('submits on Enter and on the button, without reloading, and shows its error', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(
      <CommandForm
        onSubmit={onSubmit}
        submitLabel="Save"
        busy={false}
        error="Not saved: disk full."
      >
        <label>
          Name <input />
        </label>
      </CommandForm>,
    );
    await user.type(screen.getByLabelText('Name'), 'Ana{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('alert')).toHaveTextContent('Not saved: disk full.');
  });

  it('does not submit twice while busy, and keeps the button focusable', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(
      <CommandForm onSubmit={onSubmit} submitLabel="Save" busy>
        <input aria-label="Name" />
      </CommandForm>,
    );
    const button = screen.getByRole('button', { name: 'Save' });
    await user.click(button);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).not.toBeDisabled();
  });

  it('cancels on Cancel and on Escape, unless the form handled the key itself', async () => {
    const onCancel = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(
      <CommandForm onSubmit={vi.fn()} submitLabel="Extend" busy={false} onCancel={onCancel} small>
        <input aria-label="Minutes" />
      </CommandForm>,
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.type(screen.getByLabelText('Minutes'), '{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(2);
    rerender(
      <CommandForm
        onSubmit={vi.fn()}
        submitLabel="Extend"
        busy={false}
        onCancel={onCancel}
        onKeyDown={(e) => e.preventDefault()}
        small
      >
        <input aria-label="Minutes" />
      </CommandForm>,
    );
    await user.type(screen.getByLabelText('Minutes'), '{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'Extend' })).toHaveClass('button-small');
  });

  it('keeps Escape for a long editor, and offers a plain, disabled or extra button', async () => {
    const onCancel = vi.fn();
    const onSubmit = vi.fn();
    const onReset = vi.fn();
    const user = userEvent.setup();
    let form: HTMLFormElement | null = null;
    render(
      <CommandForm
        onSubmit={onSubmit}
        submitLabel="Set status"
        busy={false}
        onCancel={onCancel}
        escapeCancels={false}
        primary={false}
        submitDisabled
        label="Status form"
        formRef={(el) => {
          form = el;
        }}
        actions={
          <button type="button" onClick={onReset}>
            Reset to default
          </button>
        }
      >
        <input aria-label="Body" />
      </CommandForm>,
    );
    await user.type(screen.getByLabelText('Body'), 'text{Escape}');
    expect(onCancel).not.toHaveBeenCalled();
    const submit = screen.getByRole('button', { name: 'Set status' });
    expect(submit).toBeDisabled();
    expect(submit).not.toHaveClass('button-primary');
    await user.click(screen.getByRole('button', { name: 'Reset to default' }));
    expect(onReset).toHaveBeenCalledOnce();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(form).toBe(screen.getByRole('form', { name: 'Status form' }));
  });
});
