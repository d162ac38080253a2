import { describe, expect, it } from 'vitest';
import { checkBlameless } from './blameless';

const people = [
  { name: 'Alice Chen', handle: '@alice' },
  { name: 'Bob Martinez', handle: 'bobm' },
  { name: 'Will Turner', handle: '@wturner' },
];
const check = (text: string) => checkBlameless(text, { people });

describe('checkBlameless', () => {
  it.each([
    ['Alice forgot to update the config.', 'forgot'],
    ['alice chen forgot to update the config.', 'forgot'],
    ['Alice Chen caused the outage.', 'caused'],
    ['Bob accidentally broke the deploy pipeline.', 'broke'],
    ['Bob should have checked the dashboard first.', 'should have'],
    ['@alice failed to roll back in time.', 'failed to'],
    ["Bob didn't run the migration dry-run.", "didn't"],
    ['Bob did not page the database team.', 'did not'],
    ['The outage was caused by @bobm.', 'caused'],
    ['The outage was caused by Alice Chen.', 'caused'],
    ["It was Alice's mistake.", 'mistake'],
    ['It was Bob’s fault.', 'fault'],
    ['The engineer neglected the warning.', 'neglected'],
    ['Someone carelessly deleted the index.', 'carelessly'],
    ['The on-call engineer overlooked the alert.', 'overlooked'],
    ['Root cause: human error.', 'human error'],
    ['Will forgot the rollback step.', 'forgot'],
  ])('flags %j', (text, trigger) => {
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.trigger.toLowerCase()).toBe(trigger.toLowerCase());
    expect(found[0]?.sentence).toBe(text.trim());
    expect(found[0]?.suggestion).toMatch(/e\.g\./);
    expect(text.slice(found[0]!.index, found[0]!.index + found[0]!.match.length)).toBe(
      found[0]!.match,
    );
  });

  it.each([
    'The cache caused the outage.',
    'Alice restarted the service.',
    'The deploy failed to complete.',
    'Bob failed over the primary database at 14:12.',
    'The config change broke request routing.',
    'Alice found that the cache layer had caused the errors.',
    'We will forgo the canary next time? No: the checklist now requires it.',
    'It will not happen if the validation step is mandatory.',
    'The runbook did not mention the flag.',
    'Monitoring should have alerted sooner; the threshold was too high.',
    'Errors fell at 14:23 after @alice rolled back the config.',
    'Our deploy checklist did not include a config validation step.',
    '',
  ])('does not flag %j', (text) => {
    expect(check(text)).toEqual([]);
  });

  it('reports each blaming sentence once, with offsets into the whole text', () => {
    const text = 'The cache expired.\nBob forgot the flag. Alice restarted it. @alice broke prod!';
    const found = check(text);
    expect(found.map((f) => f.sentence)).toEqual(['Bob forgot the flag.', '@alice broke prod!']);
    for (const f of found) expect(text.slice(f.index, f.index + f.match.length)).toBe(f.match);
  });

  it('treats a lower-case first name as an ordinary word', () => {
    expect(check('The fix will forgo nothing, but may have broken caching.')).toEqual([]);
  });

  it('suggests a system framing that fits the trigger', () => {
    expect(check('Bob forgot the flag.')[0]?.suggestion).toMatch(/safeguard/);
    expect(check('Bob broke the build.')[0]?.suggestion).toMatch(/what in the system allowed/i);
    expect(check('Human error.')[0]?.suggestion).toMatch(/condition/);
  });
});
