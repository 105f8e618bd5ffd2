/// <reference types="electron-vite/node" />
// Only the bundle has this path (electron-vite emits the worker as its own file); elsewhere (tests) the
// dynamic import of this module fails and the document is written in the calling thread.
export { default } from './write-worker?modulePath';
