/** Times one history ingestion in-process and prints JSON: { ms, commits, files, rss }. */
import { defaultConfig } from '../../src/core/config';
import { readHistory } from '../../src/core/history/history';
import { historySettingsOf } from '../../src/core/pipeline/historyScorer';

async function main(): Promise<void> {
  const [root, windowDays] = process.argv.slice(2);
  const settings = { ...historySettingsOf(defaultConfig()), windowDays: Number(windowDays) };
  const started = performance.now();
  const history = await readHistory(root!, settings);
  const ms = performance.now() - started;
  if (!history.available) throw new Error(history.reason);
  process.stdout.write(JSON.stringify({ ms, commits: history.commits, files: history.files.size, rssMiB: process.resourceUsage().maxRSS / 1024 }));
}
void main();
