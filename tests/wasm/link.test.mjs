// The wasm matcher (`linkAccounts`, `avatarHash`) under Node gives the same suggestions as the
// native `rempart link` on the fixture accounts: the extension and the CLI share one matcher.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { unzlibSync } from 'fflate';

const root = fileURLToPath(new URL('../../', import.meta.url));
const wasm = await import(`${root}pkg/rempart.js`);
wasm.initSync({ module: readFileSync(`${root}pkg/rempart_bg.wasm`) });
const { linkAccounts, avatarHash, LinkIndex } = wasm;

/** RGBA pixels of a fixture avatar: 8-bit RGB or RGBA PNGs, any row filter (examples/link_avatars.rs
 *  writes RGBA unfiltered; heldout5's generator RGB, some rows Sub-filtered). */
function readPng(path) {
  const bytes = readFileSync(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      [width, height] = [view.getUint32(at + 8), view.getUint32(at + 12)];
      assert.ok(data[8] === 8 && (data[9] === 6 || data[9] === 2) && data[12] === 0, `${path}: expected 8-bit RGB(A), not interlaced`);
      channels = data[9] === 6 ? 4 : 3;
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = unzlibSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  const paeth = (a, b, c) => {
    const p = a + b - c;
    const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  };
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      assert.ok(predicted !== undefined, `${path}: row ${y} has filter ${filter}`);
      pixels[y * stride + x] = (v + predicted) & 0xff;
    }
  }
  if (channels === 4) return { rgba: pixels, width, height };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([pixels[3 * i], pixels[3 * i + 1], pixels[3 * i + 2], 255], 4 * i);
  return { rgba, width, height };
}

function fixture(name) {
  return readFileSync(`${root}tests/fixtures/link/${name}`, 'utf8');
}

function native(input) {
  const out = execFileSync(`${root}target/release/rempart`, ['link'], { cwd: root, input, stdio: ['pipe', 'pipe', 'ignore'] });
  return out.toString().trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** The fixture's accounts as the extension would pass them: avatars hashed from their pixels,
 *  times and targets as they are (optional). */
function accountsOf(text) {
  return text.trim().split('\n').map((l) => JSON.parse(l)).map(({ handle, name, texts, avatar, times, targets }) => {
    const account = { handle, name, texts, ...(times ? { times } : {}), ...(targets ? { targets } : {}) };
    if (avatar) {
      const { rgba, width, height } = readPng(root + avatar);
      account.avatar_hash = avatarHash(rgba, width, height);
    }
    return account;
  });
}

for (const file of ['accounts.jsonl', 'heldout.jsonl', 'heldout2.jsonl', 'heldout3.jsonl', 'heldout4.jsonl', 'heldout5.jsonl', 'heldout6.jsonl', 'heldout7.jsonl', 'heldout8.jsonl', 'heldout9.jsonl']) {
  test(`wasm and native suggest the same pairs, scores and reasons (${file})`, () => {
    const text = fixture(file);
    const expected = native(text);
    assert.ok(expected.length >= 5, 'the fixture has returning accounts');
    assert.deepEqual(linkAccounts(accountsOf(text), null), expected);
  });
}

test('focus keeps only the pairs involving one account, the same as in the full answer', () => {
  const accounts = accountsOf(fixture('accounts.jsonl'));
  const all = linkAccounts(accounts, null);
  const focused = linkAccounts(accounts, '@Jean_Dupont');
  assert.ok(focused.length >= 2);
  assert.deepEqual(focused, all.filter((s) => s.a === 'jean_dupont' || s.b === 'jean_dupont'));
});

// The on-timeline label (background/lookalike.js): each fixture account arrives as a newcomer
// against an index of all the others. Its suggestions are judged like `rempart link`'s.
// heldout5 (written blind): main's matcher found 32 of 58 with 2 wrong (a parody account and its
// original, both ways); after the parody, colour and rename rules 40 of 58, none wrong.
// heldout8 (written blind): main's matcher (2be7323) 24 of 52, none wrong; with the rare writing
// habits of a return after a break 52 of 52 (and heldout5 42 of 58), measured natively through
// `Matcher::against`, which LinkIndex wraps.
// heldout9 (written blind after that, 8–13 posts per account): 46 of 52 on its first run, none wrong.
for (const [file, minRecall] of [['accounts.jsonl', 1.0], ['heldout.jsonl', 1.0], ['heldout2.jsonl', 1.0], ['heldout3.jsonl', 0.86], ['heldout4.jsonl', 0.8], ['heldout5.jsonl', 0.689], ['heldout6.jsonl', 0.9], ['heldout7.jsonl', 0.9], ['heldout8.jsonl', 0.95], ['heldout9.jsonl', 0.85]]) {
  test(`LinkIndex: a newcomer against the others never links strangers (${file})`, () => {
    const lines = fixture(file).trim().split('\n').map((l) => JSON.parse(l));
    const accounts = accountsOf(fixture(file));
    const person = Object.fromEntries(lines.map((l) => [l.handle, l.person]));
    let found = 0;
    let wrong = [];
    let expectedTotal = 0;
    for (let i = 0; i < accounts.length; i++) {
      const index = new LinkIndex(accounts.filter((_, j) => j !== i));
      assert.equal(index.size, accounts.length - 1);
      const got = index.against(accounts[i]);
      index.free();
      assert.ok(got.every((s, k) => s.b === accounts[i].handle && (k === 0 || got[k - 1].score >= s.score)), 'best first, newcomer as b');
      found += got.filter((s) => person[s.a] === person[s.b]).length;
      wrong = wrong.concat(got.filter((s) => person[s.a] !== person[s.b]).map((s) => `${s.a}~${s.b}`));
      expectedTotal += lines.filter((l, j) => j !== i && l.person === lines[i].person).length;
    }
    const precision = found / (found + wrong.length);
    const recall = found / expectedTotal;
    console.log(`${file}: newcomer vs index: ${found} right, ${wrong.length} wrong of ${expectedTotal}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    assert.deepEqual(wrong, []);
    assert.ok(recall >= minRecall, `recall ${recall}`);
  });
}

test('LinkIndex: the known account itself is no suggestion, bad input is refused', () => {
  const index = new LinkIndex(accountsOf(fixture('accounts.jsonl')));
  assert.deepEqual(index.against({ handle: '@Jean_Dupont', name: 'Jean Dupont', texts: [] }), []);
  assert.throws(() => index.against({ name: 'x' }), /account: .*handle/);
  assert.throws(() => new LinkIndex([{ handle: 'a', avatar_hash: 'zz' }]), /account 0: avatar hash/);
  index.free();
});

test('bad input is refused with a message naming what is wrong', () => {
  assert.throws(() => avatarHash(new Uint8Array(10), 9, 9), /needs 324 RGBA bytes/);
  assert.throws(() => linkAccounts([{ name: 'x' }], null), /handle/);
  assert.throws(() => linkAccounts([{ handle: 'a', avatar_hash: 'zz' }], null), /account 0: avatar hash/);
  assert.throws(() => linkAccounts([{ handle: 'a' }], 'nobody'), /not among/);
  assert.throws(() => linkAccounts([{ handle: 'a', times: ['yesterday'] }], null), /account 0: time "yesterday" is not an ISO-8601 timestamp/);
  assert.throws(() => linkAccounts([{ handle: 'a', targets: 'victim' }], null), /accounts: /);
});
