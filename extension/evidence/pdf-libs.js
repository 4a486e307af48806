// The PDF libraries shipped in the package's vendor/ folder (extension/build.mjs): pdf-lib, fontkit
// and DejaVu Sans, loaded on the first PDF only, so opening the locker stays as fast as before.
// The font is read from the extension's own files: nothing is fetched from outside.
import { api } from '../shared/browser.js';

let loading = null;

export function pdfLibs() {
  loading ??= (async () => {
    const PDFLib = await import('../vendor/pdf-lib.js');
    // fontkit's UMD build: run as a module it sets globalThis.fontkit.
    await import('../vendor/fontkit.js');
    const res = await fetch(api.runtime.getURL('vendor/DejaVuSans.ttf'));
    if (!res.ok) throw new Error(`vendor/DejaVuSans.ttf: ${res.status}`);
    return { PDFLib, fontkit: globalThis.fontkit, fontBytes: new Uint8Array(await res.arrayBuffer()) };
  })();
  loading.catch(() => { loading = null; });
  return loading;
}
