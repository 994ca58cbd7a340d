/** Dates every annotation of a folder with blame (cold cache, then warm) and prints JSON. */
import { lineAges, type BlameCache } from '../../src/core/history/blame';
import { scanFolder } from '../../src/core/pipeline/scanFolder';

async function main(): Promise<void> {
  const [root, include] = process.argv.slice(2);
  const { items } = await scanFolder(root!, { include: [include!], exclude: [] });
  const files = [...new Set(items.map((item) => item.file))];
  const cache: BlameCache = new Map();
  let dated = 0;
  const time = async (): Promise<number> => {
    const started = performance.now();
    dated = 0;
    for (const file of files) {
      const ages = await lineAges(root!, file, cache);
      dated += items.filter((item) => item.file === file && ages?.[item.line]).length;
    }
    return performance.now() - started;
  };
  const cold = await time();
  const warm = await time();
  process.stdout.write(JSON.stringify({ annotations: items.length, dated, files: files.length, coldMs: cold, warmMs: warm }));
}
void main();
