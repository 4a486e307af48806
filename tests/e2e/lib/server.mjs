// The fixture "X" for the end-to-end tests: an HTTPS server with a throw-away self-signed
// certificate for x.com (generated with openssl at test time) and a strict CSP like X's, behind a
// logging HTTP proxy that both browsers use for everything. The proxy tunnels the X hosts to the
// fixture and refuses every other destination, so every request that tries to leave the browser —
// the extension's included — is recorded instead of reaching the network.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { hostileCorpus } from '../../fixtures/hostile_corpus.mjs';

const FIXTURE = new URL('../fixture/', import.meta.url).pathname;
const AVATARS = new URL('../../fixtures/link/avatars/', import.meta.url).pathname;
export const X_HOSTS = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'];
// Like X's policy in spirit: scripts from the site only, no inline script, no 'wasm-unsafe-eval'.
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
  + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.html': 'text/html' };

function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'rempart-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=x.com',
    '-addext', `subjectAltName=${X_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const pair = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

const listen = (server, port = 0) => new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server.address().port)));

/** Starts the fixture and the proxy. `requests` lists what reached the fixture, `refused` what the proxy refused. */
export async function startFixture() {
  const requests = [];
  const refused = [];
  const https = createHttps(certificate(), (req, res) => {
    const url = new URL(req.url, `https://${req.headers.host}`);
    requests.push({ host: url.hostname, path: url.pathname, origin: req.headers.origin ?? null, referer: req.headers.referer ?? null });
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', 'no-store');
    if (url.pathname === '/fixture/hostile-corpus.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(hostileCorpus()));
      return;
    }
    // Profile pictures (the link fixture's PNGs), drawn by the fixture's avatar <img>s.
    const avatar = /^\/fixture\/avatars\/([\w-]+\.png)$/.exec(url.pathname);
    if (avatar) {
      try {
        res.writeHead(200, { 'Content-Type': 'image/png' }).end(readFileSync(join(AVATARS, avatar[1])));
      } catch { res.writeHead(404).end(); }
      return;
    }
    if (url.pathname.startsWith('/fixture/')) {
      const name = url.pathname.slice('/fixture/'.length);
      if (!/^[\w.-]+$/.test(name)) { res.writeHead(404).end(); return; }
      try {
        res.writeHead(200, { 'Content-Type': TYPES[extname(name)] ?? 'application/octet-stream' }).end(readFileSync(join(FIXTURE, name)));
      } catch { res.writeHead(404).end(); }
      return;
    }
    if (url.pathname === '/favicon.ico') { res.writeHead(404).end(); return; }
    // Every other path is the single-page app, like X; ?ui=fr gives the French UI.
    const lang = url.searchParams.get('ui') === 'fr' ? 'fr' : 'en';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(readFileSync(join(FIXTURE, 'index.html'), 'utf8').replace('{{LANG}}', lang));
  });
  const httpsPort = await listen(https);

  const proxy = createHttp((req, res) => {
    refused.push({ kind: 'http', target: req.url });
    res.writeHead(403).end();
  });
  proxy.on('connect', (req, socket) => {
    const [host, port] = req.url.split(':');
    if (!X_HOSTS.includes(host) || port !== '443') {
      refused.push({ kind: 'connect', target: req.url });
      socket.on('error', () => {}); // the browser may reset the refused connection first
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(httpsPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket).pipe(upstream);
    });
    const close = () => { upstream.destroy(); socket.destroy(); };
    upstream.on('error', close);
    socket.on('error', close);
  });
  const sockets = new Set();
  for (const s of [https, proxy]) s.on('connection', (c) => { sockets.add(c); c.on('close', () => sockets.delete(c)); });
  const proxyPort = await listen(proxy);
  return {
    proxyPort, httpsPort, requests, refused,
    async close() {
      for (const c of sockets) c.destroy();
      await Promise.all([https, proxy].map((s) => new Promise((r) => s.close(r))));
    },
  };
}

export const fixtureData = () => JSON.parse(readFileSync(join(FIXTURE, 'data.json'), 'utf8'));

/** Where a test saves its screenshot: dist/screenshots/, or docs/ with REMPART_DOCS_SCREENSHOTS=1
 *  (to refresh the committed ones; a plain test run leaves the work tree clean). */
export function screenshotPath(browser) {
  const dir = new URL(process.env.REMPART_DOCS_SCREENSHOTS === '1' ? '../../../docs/' : '../../../dist/screenshots/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  return `${dir}screenshot-${browser}.png`;
}
