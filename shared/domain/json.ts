import { formatCount } from './text';
import { z } from 'zod';
import { JSON_VALUE_MAX_CHARS, JSON_VALUE_MAX_DEPTH } from './limits';

/** Why a value is refused, with the path inside it (`a.b[3]`), or null when it is acceptable. */
export interface JsonValueProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Checks that a value is plain JSON data no deeper than `maxDepth` and no larger than `maxChars`
 * (strings and keys counted by length, other leaves as a few characters), walking it with an
 * explicit stack: a value nested 100,000 deep is refused in linear time instead of exhausting
 * the call stack (issue 12: "Maximum call stack size exceeded"). Refuses functions, symbols,
 * bigints, non-finite numbers and objects that are not plain (arrays and `{}` only). Pure.
 */
export function checkJsonValue(
  value: unknown,
  maxDepth: number = JSON_VALUE_MAX_DEPTH,
  maxChars: number = JSON_VALUE_MAX_CHARS,
): JsonValueProblem | null {
  interface Node {
    value: unknown;
    key: string | number | null;
    parent: Node | null;
    depth: number;
  }
  // Parent links instead of copied paths: a 50,000-row backup is walked without allocating a
  // path per value; the path is rebuilt only for the one value refused.
  const pathOf = (node: Node): (string | number)[] => {
    const out: (string | number)[] = [];
    for (let n: Node | null = node; n && n.key !== null; n = n.parent) out.unshift(n.key);
    return out;
  };
  const stack: Node[] = [{ value, key: null, parent: null, depth: 0 }];
  let chars = 0;
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.value;
    const refuse = (message: string): JsonValueProblem => ({ path: pathOf(node), message });
    if (node.depth > maxDepth) return refuse(`Nested deeper than ${maxDepth} levels.`);
    if (v === null || typeof v === 'boolean') chars += 5;
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return refuse('Not a finite number.');
      chars += 8;
    } else if (typeof v === 'string') chars += v.length + 2;
    else if (Array.isArray(v)) {
      chars += 2;
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ value: v[i], key: i, parent: node, depth: node.depth + 1 });
    } else if (typeof v === 'object') {
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return refuse('Not plain JSON data.');
      chars += 2;
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        chars += k.length + 3;
        stack.push({ value: child, key: k, parent: node, depth: node.depth + 1 });
      }
    } else return refuse(`Not JSON data (a ${typeof v}).`);
    if (chars > maxChars)
      return {
        path: [],
        message: `Larger than ${formatCount(maxChars)} characters of data.`,
      };
  }
  return null;
}

/**
 * A zod schema for a free-form JSON value (a setting), bounded by {@link checkJsonValue}. The
 * problem is reported at its path inside the value.
 */
export function boundedJson(
  maxDepth: number = JSON_VALUE_MAX_DEPTH,
  maxChars: number = JSON_VALUE_MAX_CHARS,
) {
  return z.unknown().superRefine((value, ctx) => {
    const problem = checkJsonValue(value, maxDepth, maxChars);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  });
}
