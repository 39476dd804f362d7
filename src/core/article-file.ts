/** The article of a data folder, found through story.yaml (article.txt by default). */
import YAML from 'yaml';
import { type Article, parseArticle } from './article.ts';
import { DataError } from './problems.ts';
import type { DataFiles } from './validate.ts';

/** The article, even when the rest of story.yaml has problems; DataError when there is none. */
export function articleOf(files: DataFiles): { name: string; article: Article } {
  let name = 'article.txt';
  try {
    const story: unknown = YAML.parse(files.get('story.yaml') ?? '');
    const named = (story as { article?: unknown } | null)?.article;
    if (typeof named === 'string' && named.trim()) name = named.trim();
  } catch {
    // story.yaml is not valid YAML: validate says so; the article is still article.txt.
  }
  const text = files.get(name);
  if (text === undefined)
    throw new DataError([
      { file: name, message: `"${name}" is not in the data folder: put the article there` },
    ]);
  return { name, article: parseArticle(text) };
}
