import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/domain/limits';
import { Field } from './field';

function Summary({ value, error }: { value: string; error?: string }) {
  return (
    <Field label="Impact summary" limit="impactSummary" error={error}>
      <textarea value={value} readOnly />
    </Field>
  );
}

describe('Field with a limit', () => {
  it('shows the limit message beside the field, described and invalid, keeping the text', () => {
    const text = 'x'.repeat(LIMITS.impactSummary.max + 1);
    render(<Summary value={text} />);
    const field = screen.getByLabelText('Impact summary');
    expect(field).toHaveValue(text);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      'The impact summary is 5,001 characters; the limit is 5,000.',
    );
  });

  it('says nothing at the limit', () => {
    render(<Summary value={'x'.repeat(LIMITS.impactSummary.max)} />);
    expect(screen.getByLabelText('Impact summary')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("a field's own error comes first", () => {
    render(<Summary value={'x'.repeat(9_999)} error="Not saved: the disk is full." />);
    expect(screen.getByRole('alert')).toHaveTextContent('Not saved: the disk is full.');
  });
});
