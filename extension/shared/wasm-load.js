// Loads the wasm engine so that the bytes it was made from are let go at once, not at some later
// garbage collection: in Chromium's service worker they stayed resident for its whole life.
import init from '../pkg/rempart.js';
import { api } from './browser.js';

/**
 * Frees an ArrayBuffer's memory now. Transferring it detaches it from JavaScript, and the message
 * that would have carried it is dropped with its ports, so nothing holds the bytes any more.
 * Measured in Chromium (bench/memory_map.mjs): the module's bytes stayed resident until a GC
 * (instantiateStreaming's buffers too, about 17 MB in all), and a service worker that receives
 * one small message per batch rarely runs a full one.
 */
export function release(buffer) {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(null, [buffer]);
  port1.close();
  port2.close();
}

/** Our own package's file as bytes: fetch() of the extension's URL never touches the network. */
export async function packageBytes(path) {
  return (await fetch(api.runtime.getURL(path))).arrayBuffer();
}

let loading = null;

/** Compiles and instantiates the engine's module, once per page or worker: a caller that retries
 *  after a later step failed (the background's boot) must not compile a second module. */
export function loadEngine() {
  loading ??= (async () => {
    const bytes = await packageBytes('pkg/rempart_bg.wasm');
    const module = await WebAssembly.compile(bytes);
    release(bytes);
    await init({ module_or_path: module });
  })().catch((e) => {
    loading = null;
    throw e;
  });
  return loading;
}
