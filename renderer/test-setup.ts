import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Tests wait on state (waitFor, findBy…), and a busy machine makes the state arrive later: the
// library's 1 s default failed a retrying-draft test while two other test runs shared the
// machine. A state that never arrives still fails, after 10 s.
configure({ asyncUtilTimeout: 10_000 });

// Unmount whatever a test rendered, so no live query answers into a torn-down page.
afterEach(() => cleanup());
