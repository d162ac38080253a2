import { z } from 'zod';

/**
 * Plain words for any schema refusal that has no message of its own. Zod's defaults ("Too small:
 * expected number to be >=0", "Invalid input: expected int, received number") reach the user
 * through refusals beside fields, import reports and sync problems; these say what to give
 * instead. A schema's own `error` still wins (zod's precedence), so fields with better words
 * (times, titles, limits) keep them.
 */
export function plainIssueMessage(issue: z.core.$ZodRawIssue): string {
  const n = (v: unknown) => (typeof v === 'bigint' || typeof v === 'number' ? String(v) : '?');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This is required.';
      switch (issue.expected) {
        case 'int':
          return 'Give a whole number.';
        case 'number':
          return 'Give a number.';
        case 'string':
          return 'Give some text.';
        case 'boolean':
          return 'Give yes or no.';
        case 'array':
          return 'Give a list.';
        default:
          return 'This is not in the form Warroom expects.';
      }
    case 'too_small': {
      const min = n(issue.minimum);
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'This cannot be empty.'
          : `Give at least ${min} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at least ${min}.`;
      return issue.inclusive === false
        ? `Give a number greater than ${min}.`
        : `Give a number of ${min} or more.`;
    }
    case 'too_big': {
      const max = n(issue.maximum);
      if (issue.origin === 'string') {
        const length = typeof issue.input === 'string' ? issue.input.length : null;
        return length === null
          ? `The limit is ${max} characters.`
          : `This is ${length} characters; the limit is ${max}.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at most ${max}.`;
      return issue.inclusive === false
        ? `Give a number less than ${max}.`
        : `Give a number of ${max} or less.`;
    }
    case 'not_multiple_of':
      return `Give a multiple of ${n(issue.divisor)}.`;
    case 'invalid_value':
      return issue.values.length <= 8
        ? `Choose one of: ${issue.values.map((v) => String(v)).join(', ')}.`
        : 'Choose one of the offered values.';
    case 'invalid_format':
      return 'This is not in the form Warroom expects.';
    case 'unrecognized_keys':
      return `Warroom does not know ${issue.keys.length === 1 ? 'the field' : 'the fields'} ${issue.keys.join(', ')}.`;
    default:
      return 'This value is not accepted.';
  }
}

z.config({ customError: plainIssueMessage });
