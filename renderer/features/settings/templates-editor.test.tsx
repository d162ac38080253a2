import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../../shared/logic/comms-templates';
import { templateKey } from '../../db/repo/templates';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { TemplatesEditor } from './templates-editor';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => unmountThenClose(db));

const renderEditor = () => renderWithDb(db, <TemplatesEditor />);

describe('TemplatesEditor', () => {
  it('shows an unknown placeholder as an error next to the field and refuses to save, keeping the text', async () => {
    const user = userEvent.setup();
    renderEditor();
    const subject = await screen.findByLabelText('Subject template');
    expect(subject).toHaveValue(DEFAULT_TEMPLATES.engineering.initial.subject);
    await user.clear(subject);
    await user.type(subject, 'Hello {{{{bogus}}');
    expect(subject).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Unknown placeholder {{bogus}}');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    expect(subject).toHaveValue('Hello {{bogus}}');
    expect(await db.settings.get(templateKey('engineering', 'initial'))).toBeUndefined();
  });

  it('saves a valid template, keeps drafts per audience, and resets to the default', async () => {
    const user = userEvent.setup();
    renderEditor();
    await user.selectOptions(await screen.findByLabelText('Template audience'), 'executives');
    await user.selectOptions(screen.getByLabelText('Template message type'), 'update');
    const subject = screen.getByLabelText('Subject template');
    await user.clear(subject);
    await user.type(subject, 'Exec {{{{ref}}');
    // Switching away and back keeps the unsaved text.
    await user.selectOptions(screen.getByLabelText('Template audience'), 'customers');
    await user.selectOptions(screen.getByLabelText('Template audience'), 'executives');
    expect(screen.getByLabelText('Subject template')).toHaveValue('Exec {{ref}}');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(async () =>
      expect((await db.settings.get(templateKey('executives', 'update')))?.value).toEqual({
        subject: 'Exec {{ref}}',
        body: DEFAULT_TEMPLATES.executives.update.body,
      }),
    );
    expect(await screen.findByText('A custom template is in use.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reset to default' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Subject template')).toHaveValue(
        DEFAULT_TEMPLATES.executives.update.subject,
      ),
    );
    expect(await db.settings.get(templateKey('executives', 'update'))).toBeUndefined();
  });
});
