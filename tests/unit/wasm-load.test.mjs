// How the extension loads its engine (extension/shared/wasm-load.js, the built copy in dist/chrome):
// the bytes are freed once compiled, one compile per page or worker, and the engine then works.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/chrome/', import.meta.url));
// The extension's API, as far as the loader uses it: its own files by URL, fetched from disk.
const fetched = [];
globalThis.chrome = { runtime: { getURL: (path) => `chrome-extension://rempart/${path}` } };
globalThis.fetch = async (url) => {
  fetched.push(url);
  const bytes = readFileSync(dist + url.replace('chrome-extension://rempart/', ''));
  return new Response(bytes);
};
const { loadEngine, release } = await import(`${dist}shared/wasm-load.js`);
const { Engine } = await import(`${dist}pkg/rempart.js`);

test('release() detaches the buffer: JavaScript no longer holds its bytes', () => {
  const buffer = new Uint8Array([1, 2, 3, 4]).buffer;
  release(buffer);
  assert.equal(buffer.byteLength, 0);
  assert.throws(() => new Uint8Array(buffer), /detached/);
});

test('loadEngine() compiles the module once, however many callers, and the engine decides', async () => {
  await Promise.all([loadEngine(), loadEngine()]);
  await loadEngine();
  assert.deepEqual(fetched, ['chrome-extension://rempart/pkg/rempart_bg.wasm']);
  const engine = new Engine(null, null, {});
  const [verdict] = engine.classify(['espèce de connard']);
  assert.notEqual(verdict.action, 'none');
});
