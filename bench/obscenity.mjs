// The npm `obscenity` baseline, set up as its README recommends (English dataset + English
// recommended transformers), optionally with extra user phrases (the rule-count scaling).
// Run directly, it reads JSON Lines ({"text"}) on stdin and prints 1/0 per line (match or not).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers, parseRawPattern } from 'obscenity';

/** A matcher over the English dataset plus `extra` phrases (plain words, as a user would mute). */
export function obscenityMatcher(extra = []) {
  const data = new DataSet().addAll(englishDataset);
  for (const word of extra) data.addPhrase((p) => p.addPattern(parseRawPattern(word)));
  return new RegExpMatcher({ ...data.build(), ...englishRecommendedTransformers });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const matcher = obscenityMatcher();
  const lines = readFileSync(0, 'utf8').split('\n').filter(Boolean);
  process.stdout.write(lines.map((l) => (matcher.hasMatch(JSON.parse(l).text) ? '1' : '0')).join('\n') + '\n');
}
