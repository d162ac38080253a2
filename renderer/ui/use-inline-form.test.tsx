import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { useInlineForm } from './use-inline-form';
import { FormDialogButton } from './dialog';

afterEach(cleanup);

function Toggle() {
  const { open, show, close, buttonRef } = useInlineForm();
  return open ? (
    <div>
      <input aria-label="Person" autoFocus />
      <button type="button" onClick={close}>
        Cancel
      </button>
    </div>
  ) : (
    <button type="button" ref={buttonRef} onClick={show}>
      Assign
    </button>
  );
}

describe('useInlineForm', () => {
  it('hides the button while the form is open and gives it focus back when it closes', async () => {
    const user = userEvent.setup();
    render(<Toggle />);
    expect(screen.getByRole('button', { name: 'Assign' })).not.toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    expect(screen.queryByRole('button', { name: 'Assign' })).toBeNull();
    expect(screen.getByLabelText('Person')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Assign' })).toHaveFocus();
  });
});

describe('FormDialogButton', () => {
  it('opens the dialog named like the button, with a fresh form that closes it when done', async () => {
    const user = userEvent.setup();
    render(
      <FormDialogButton
        label="Edit impact"
        form={(done) => (
          <button type="button" onClick={done}>
            Save impact
          </button>
        )}
      />,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Edit impact' }));
    expect(screen.getByRole('dialog', { name: 'Edit impact' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save impact' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
