import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../db/db-context';
import { saveTemplate, templateKey } from '../../db/repo/templates';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { TemplatesEditor } from './templates-editor';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

describe('TemplatesEditor with another window', () => {
  it('saves the subject typed here with the body as stored now, not as it was when typing began', async () => {
    const user = userEvent.setup();
    await saveTemplate(db, 'engineering', 'initial', { subject: 'Old subject', body: 'Old body' });
    render(
      <DbProvider db={db}>
        <TemplatesEditor />
      </DbProvider>,
    );
    const subject = await screen.findByLabelText('Subject template');
    await waitFor(() => expect(subject).toHaveValue('Old subject'));
    await user.clear(subject);
    await user.type(subject, 'New subject');
    await saveTemplate(db, 'engineering', 'initial', {
      subject: 'Old subject',
      body: 'Body from another window',
    });
    await waitFor(() =>
      expect(screen.getByLabelText('Body template')).toHaveValue('Body from another window'),
    );
    expect(subject).toHaveValue('New subject');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(async () =>
      expect((await db.settings.get(templateKey('engineering', 'initial')))?.value).toEqual({
        subject: 'New subject',
        body: 'Body from another window',
      }),
    );
  });
});
