// Checks on the built packages that need no browser: web-ext lint (0 errors) on dist/firefox,
// the install-time permission list (X hosts and storage only) and the CSP in both manifests, both zips present, and every locale string
// present in French and English.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = `${ROOT}dist/`;
const manifest = (b) => JSON.parse(readFileSync(`${DIST}${b}/manifest.json`, 'utf8'));
const HOSTS = ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'];

describe('built packages', () => {
  it('web-ext lint: 0 errors on dist/firefox', { timeout: 120000 }, async () => {
    const { stdout } = await promisify(execFile)(`${ROOT}node_modules/.bin/web-ext`,
      ['lint', '--source-dir', `${DIST}firefox`, '--output', 'json', '--no-input'], { maxBuffer: 1 << 24 }).catch((e) => e);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.errors.map((e) => `${e.code}: ${e.message} (${e.file})`), []);
    assert.equal(report.summary.errors, 0);
  });

  for (const b of ['chrome', 'firefox']) {
    it(`${b}: the install prompt names X's sites and storage only; screenshots are an optional grant`, () => {
      const m = manifest(b);
      assert.equal(m.manifest_version, 3);
      // What the browser asks for at install: every permission and host, content scripts included.
      const install = [...m.permissions, ...m.host_permissions, ...m.content_scripts.flatMap((c) => c.matches)];
      console.log(`# ${b} install-time permissions: ${JSON.stringify([...new Set(install)])}`);
      console.log(`# ${b} optional (asked from the locker): ${JSON.stringify(m.optional_host_permissions)}`);
      assert.ok(!install.includes('<all_urls>'), 'no <all_urls> at install');
      for (const p of install.filter((x) => x.includes('://') || x.includes('*'))) assert.ok(HOSTS.includes(p), `host outside X at install: ${p}`);
      // unlimitedStorage: the evidence locker. activeTab: the toolbar button allows screenshots in
      // its tab (no warning in either browser). The optional <all_urls> is the only pattern
      // tabs.captureVisibleTab accepts besides activeTab (docs/permissions.md).
      assert.deepEqual(m.permissions, ['storage', 'unlimitedStorage', 'activeTab']);
      assert.deepEqual(m.host_permissions, HOSTS);
      assert.deepEqual(m.optional_host_permissions, ['<all_urls>']);
      assert.equal(m.optional_permissions, undefined);
      assert.deepEqual(m.content_scripts.map((c) => c.matches), [HOSTS]);
      assert.equal(m.content_scripts[0].run_at, 'document_start');
      assert.equal(m.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
      assert.equal(m.web_accessible_resources, undefined, 'nothing exposed to pages');
      assert.ok(existsSync(`${DIST}rempart-${b}.zip`));
      for (const f of ['pkg/rempart.js', 'pkg/rempart_bg.wasm', 'shared/build-info.js', 'icons/icon-128.png']) assert.ok(existsSync(`${DIST}${b}/${f}`), f);
      assert.equal(existsSync(`${DIST}${b}/models/rempart.onnx`), existsSync(`${ROOT}models/rempart.onnx`), 'the model ships when it exists');
    });
  }

  it('chrome runs a module service worker; firefox module background scripts with a gecko id', () => {
    assert.deepEqual(manifest('chrome').background, { service_worker: 'background/main.js', type: 'module' });
    const f = manifest('firefox');
    assert.deepEqual(f.background, { scripts: ['background/main.js'], type: 'module' });
    assert.match(f.browser_specific_settings.gecko.id, /@/);
  });

  it('every string exists in French and English, and every key the code uses exists', () => {
    const en = JSON.parse(readFileSync(`${ROOT}extension/_locales/en/messages.json`, 'utf8'));
    const fr = JSON.parse(readFileSync(`${ROOT}extension/_locales/fr/messages.json`, 'utf8'));
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    for (const [k, v] of Object.entries(fr)) assert.ok(v.message.trim(), `fr ${k} empty`);
    const used = new Set();
    const walk = (dir) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(p);
        else if (/\.(js|html)$/.test(e.name)) {
          const src = readFileSync(p, 'utf8');
          for (const m of src.matchAll(/\bt\('([a-z_]+)'|data-i18n(?:-[a-z-]+)?="([a-zA-Z_]+)"/g)) used.add(m[1] ?? m[2]);
        }
      }
    };
    walk(`${ROOT}extension`);
    for (const k of used) assert.ok(en[k], `missing message ${k}`);
  });
});
