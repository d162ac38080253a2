import { describe, expect, it } from 'vitest';
import { snippetOf } from './snippet';

const render = (parts: ReturnType<typeof snippetOf>) =>
  parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('snippetOf', () => {
  it('marks every whole word that matched, whatever its case', () => {
    expect(render(snippetOf('Checkout pool: checkout-API saturated', ['checkout']))).toBe(
      '[Checkout] pool: [checkout]-API saturated',
    );
  });

  it('cuts a long text around the first match, on word boundaries, with ellipses', () => {
    const text = `${'alpha '.repeat(60)}needle ${'omega '.repeat(60)}`;
    const out = render(snippetOf(text, ['needle'], 60));
    expect(out.startsWith('…alpha')).toBe(true);
    expect(out).toContain('[needle]');
    expect(out.endsWith('…')).toBe(true);
    expect(out.length).toBeLessThan(80);
  });

  it('shows the start of the text when nothing matched, and flattens newlines', () => {
    expect(render(snippetOf('one\ntwo', []))).toBe('one two');
  });

  it('keeps any user text as text (markup is not interpreted)', () => {
    expect(render(snippetOf('<b>pool</b> saturated', ['saturated']))).toBe(
      '<b>pool</b> [saturated]',
    );
  });
});
