// `npm start`: builds the renderer, main and preload, then opens the desktop window.
import { spawn } from 'node:child_process';
import { build } from 'vite';
import { findElectronBinary, MISSING_ELECTRON_MESSAGE } from './electron-binary.mjs';

const electron = findElectronBinary();
if (!electron.ok) {
  console.error(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}

await build({ mode: 'electron', logLevel: 'warn' });
const child = spawn(electron.path, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
