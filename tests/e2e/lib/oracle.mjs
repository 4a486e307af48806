// What the extension should show for a fixture tweet, computed in Node by the very engine and model
// files the built package ships, so the e2e checks stay exact whatever the model learns next. The
// combination rules are restated here from the spec, not imported from the extension:
// allowlisted authors are left alone, blocklisted ones blurred ("muted"); tweet texts go through
// rules + model, names and handles through rules only; the most severe part decides, except that a
// flagged threat or doxxing keeps the tweet readable.
import { existsSync, readFileSync } from 'node:fs';

const SEVERITY = { none: 0, flag: 1, blur: 2, hide: 3 };

export async function loadOracle(distDir) {
  const m = await import(new URL(`file://${distDir}/pkg/rempart.js`).href);
  m.initSync({ module: readFileSync(`${distDir}/pkg/rempart_bg.wasm`) });
  const modelPath = `${distDir}/models/rempart.onnx`;
  const model = existsSync(modelPath) ? readFileSync(modelPath) : null;
  const engines = new Map();
  const engine = (settings, withModel) => {
    const key = `${withModel}|${JSON.stringify(settings)}`;
    if (!engines.has(key)) engines.set(key, new m.Engine(withModel ? model : null, null, settings));
    return engines.get(key);
  };
  const plain = (text) => text.replace(/\{emoji:([^}]+)\}/g, '$1');

  function part(p, settings) {
    const author = p.handle.toLowerCase();
    if ((settings.allowlist ?? []).includes(author)) return [];
    if ((settings.blocklist ?? []).includes(author)) return [{ action: 'blur', acted: ['muted'] }];
    // The fixture tags each tweet's text as X does (`lang`, French unless said): the presets'
    // thresholds are per language.
    const [text] = engine(settings, true).classify([plain(p.text)], [p.lang ?? 'fr']);
    const labels = engine(settings, false).classify([p.name, p.handle.replace(/_/g, ' ')]);
    return [text, ...labels];
  }

  return {
    hasModel: model !== null,
    /** tweet (data.json shape) + settings → {action, categories: sorted "a,b"} */
    expected(tweet, settings = {}) {
      const verdicts = [...part(tweet, settings), ...(tweet.quote ? part(tweet.quote, settings) : [])]
        .filter((v) => v.action !== 'none');
      if (!verdicts.length) return { action: 'none', categories: '' };
      const safety = verdicts.some((v) => v.action === 'flag' && v.acted.some((c) => c === 'threat' || c === 'doxxing'));
      const top = verdicts.reduce((a, b) => (SEVERITY[b.action] > SEVERITY[a.action] ? b : a));
      return {
        action: safety ? 'flag' : top.action,
        categories: [...new Set(verdicts.flatMap((v) => v.acted))].sort().join(','),
      };
    },
  };
}
