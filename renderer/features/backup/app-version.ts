import { version } from '../../../package.json';

/** The app's version, written into every backup (package.json's, bundled at build time). */
export const APP_VERSION: string = version;
