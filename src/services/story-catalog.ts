/**
 * The stories the bot serves: one knowledge holder per story (each reloads on its own, built in
 * the shared build worker), and the router that shortlists stories for a question. One story
 * folder (data/ as it always was) is a catalog of one, and then nothing else changes.
 */
import type { KnowledgeBase } from '../core/knowledge.ts';
import { DataError, type DataProblem } from '../core/problems.ts';
import { findStories, ofStory, type StoryFolder, singleStoryId } from '../core/story-folders.ts';
import { StoryRouter } from '../core/story-router.ts';
import {
  KnowledgeHolder,
  type KnowledgeHolderOptions,
  type ReloadOutcome,
  type ReloadReport,
  type ReloadRequest,
} from './knowledge-holder.ts';

export interface Story {
  readonly id: string;
  readonly dir: string;
  readonly holder: KnowledgeHolder;
}

/** One story's part of a reload. */
export interface StoryReloadResult {
  readonly id: string;
  readonly report: ReloadReport;
}

/** A reload of one story or all: each story's result, and the stories found or gone. */
export interface StoriesReloadReport {
  readonly results: readonly StoryReloadResult[];
  /** Stories found by a reload of all (a new folder), and served from now on. */
  readonly added: readonly string[];
  /** Stories whose folder is gone, no longer served. */
  readonly removed: readonly string[];
  /** Problems outside any one story's data (no such story, a folder that is not a story id). */
  readonly problems: readonly DataProblem[];
}

export interface StoriesReloadRequest extends ReloadRequest {
  /** One story's id; absent: every story (and the folder is looked at again for new ones). */
  readonly story?: string;
}

export class StoryCatalog {
  private stories: Story[];
  private routerCache: RouterCache | null = null;

  private constructor(
    readonly dataDir: string,
    readonly layout: 'single' | 'several',
    stories: Story[],
    private readonly options: KnowledgeHolderOptions,
  ) {
    this.stories = stories;
  }

  /** A catalog of one story, over a holder opened already (tests, tools). */
  static of(holder: KnowledgeHolder, options: KnowledgeHolderOptions = { maxUploadBytes: 0 }): StoryCatalog {
    return new StoryCatalog(
      holder.dataDir,
      'single',
      [{ id: singleStoryId(holder.dataDir), dir: holder.dataDir, holder }],
      options,
    );
  }

  /**
   * Opens every story of the folder; throws DataError naming each problem's story (in a folder of
   * several) when any story does not validate: there is nothing to fall back on at start.
   */
  static async open(dataDir: string, options: KnowledgeHolderOptions): Promise<StoryCatalog> {
    const layout = await findStories(dataDir);
    const several = layout.kind === 'several';
    const problems: DataProblem[] = [...layout.problems];
    const stories: Story[] = [];
    for (const [i, folder] of layout.stories.entries()) {
      try {
        // The engine's code warms up on the first story; the others only need their own data read.
        const holder = await KnowledgeHolder.open(folder.dir, options, i === 0 ? {} : { warmUpRounds: 0 });
        stories.push({ ...folder, holder });
      } catch (error) {
        if (!(error instanceof DataError) || !several) throw error;
        problems.push(...error.problems.map((p) => ofStory(folder.id, p)));
      }
    }
    if (several && stories.length === 0 && problems.length === 0)
      problems.push({
        file: dataDir,
        message: 'holds no story: add stories/<id>/ folders with a story.yaml each',
      });
    if (problems.length > 0) throw new DataError(problems);
    return new StoryCatalog(dataDir, several ? 'several' : 'single', stories, options);
  }

  /** More than one story: routing, story options and story names in replies come into play. */
  get several(): boolean {
    return this.stories.length > 1;
  }

  list(): readonly Story[] {
    return this.stories;
  }

  get(id: string): Story | undefined {
    return this.stories.find((s) => s.id === id);
  }

  /** The story served when nothing says which: the only one, or the first by id. */
  first(): Story {
    const story = this.stories[0];
    if (!story) throw new Error('the catalog holds no story');
    return story;
  }

  knowledge(id: string): KnowledgeBase | undefined {
    return this.get(id)?.holder.current();
  }

  /** The story whose live knowledge has this version (a conversation's turns carry it). */
  storyOfVersion(version: string): string | undefined {
    return this.stories.find((s) => s.holder.current().version === version)?.id;
  }

  /**
   * A story named as typed: its id, or its title (case aside), or the one id or title that starts
   * with what was typed.
   */
  find(typed: string): string | undefined {
    const t = typed.trim().toLowerCase();
    if (t.length === 0) return undefined;
    const exact = this.stories.find((s) => s.id === t || s.holder.current().story.title.toLowerCase() === t);
    if (exact) return exact.id;
    const starts = this.stories.filter(
      (s) => s.id.startsWith(t) || s.holder.current().story.title.toLowerCase().startsWith(t),
    );
    return starts.length === 1 ? starts[0]?.id : undefined;
  }

  /** The shared index of the stories' vocabularies, brought up to date with any story reloaded since. */
  router(): StoryRouter {
    const versions = this.stories.map((s) => s.holder.current().version);
    const cached = this.routerCache;
    if (
      cached &&
      cached.versions.length === versions.length &&
      cached.versions.every((v, i) => v === versions[i])
    )
      return cached.router;
    let router: StoryRouter;
    if (cached && sameIds(cached, this.stories)) {
      // Only the stories that changed are read again, in place.
      router = cached.router;
      this.stories.forEach((s, i) => {
        if (cached.versions[i] !== versions[i]) router.replace({ id: s.id, kb: s.holder.current() });
      });
    } else {
      router = StoryRouter.build(this.stories.map((s) => ({ id: s.id, kb: s.holder.current() })));
    }
    this.routerCache = { router, versions, ids: this.stories.map((s) => s.id) };
    return router;
  }

  /**
   * Reloads one story (its folder only, built in the worker), or every story: then the folder is
   * looked at again, a new story folder is opened and a removed one no longer served.
   */
  async reload(request: StoriesReloadRequest): Promise<StoriesReloadReport> {
    const none = { added: [], removed: [], problems: [] } as const;
    if (request.story !== undefined) {
      const story = this.get(request.story) ?? (this.layout === 'single' ? this.first() : undefined);
      if (!story) return { ...none, results: [], problems: [this.unknown(request.story)] };
      return {
        ...none,
        results: [{ id: story.id, report: { outcome: await story.holder.reload(request), shards: [] } }],
      };
    }
    if (this.layout === 'single' || request.file) {
      const story = this.first();
      return {
        ...none,
        results: [{ id: story.id, report: { outcome: await story.holder.reload(request), shards: [] } }],
      };
    }
    const layout = await findStories(this.dataDir);
    const found = new Map<string, StoryFolder>(layout.stories.map((f) => [f.id, f]));
    const results: StoryReloadResult[] = [];
    const problems: DataProblem[] = [...layout.problems];
    const added: string[] = [];
    const removed = this.stories.filter((s) => !found.has(s.id)).map((s) => s.id);
    // A folder that cannot be listed says nothing about which stories are gone: keep them all.
    const keep = layout.stories.length === 0 ? this.stories : this.stories.filter((s) => found.has(s.id));
    const next: Story[] = [];
    for (const story of keep) {
      results.push({ id: story.id, report: { outcome: await story.holder.reload(request), shards: [] } });
      next.push(story);
    }
    for (const folder of layout.stories) {
      if (keep.some((s) => s.id === folder.id)) continue;
      try {
        const holder = await KnowledgeHolder.open(folder.dir, this.options, {
          inWorker: true,
          warmUpRounds: 1,
        });
        next.push({ ...folder, holder });
        added.push(folder.id);
      } catch (error) {
        const list =
          error instanceof DataError ? error.problems : [{ file: folder.dir, message: String(error) }];
        problems.push(...list.map((p) => ofStory(folder.id, p)));
      }
    }
    this.stories = next.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { results, added, removed: layout.stories.length === 0 ? [] : removed, problems };
  }

  private unknown(id: string): DataProblem {
    const ids = this.stories.map((s) => s.id);
    return {
      file: id,
      message: `is not one of the stories: name one of ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ` (+${ids.length - 20})` : ''}`,
    };
  }

  /**
   * The whole catalog as one holder, for the sharding manager's reload of every shard: a reload
   * reloads every story; its outcome is one story's when there is one, else every story's in one.
   */
  asHolder(): { reload(request: ReloadRequest): Promise<ReloadOutcome>; current(): KnowledgeBase } {
    return {
      reload: async (request) => combinedOutcome(await this.reload(request)),
      current: () => this.first().holder.current(),
    };
  }
}

interface RouterCache {
  readonly router: StoryRouter;
  readonly versions: readonly string[];
  readonly ids: readonly string[];
}

function sameIds(cache: RouterCache, stories: readonly Story[]): boolean {
  const { ids } = cache;
  return ids.length === stories.length && stories.every((s, i) => s.id === ids[i]);
}

/** Every story's reload as one outcome: ok when every story reloaded; problems named by story. */
export function combinedOutcome(report: StoriesReloadReport): ReloadOutcome {
  const outcomes = report.results.map((r) => ({ id: r.id, outcome: r.report.outcome }));
  const only = outcomes.length === 1 && report.problems.length === 0 ? outcomes[0] : undefined;
  if (only) return only.outcome;
  const version = outcomes.map((o) => o.outcome.version).join('+');
  const tookMs = outcomes.reduce((sum, o) => sum + o.outcome.tookMs, 0);
  const problems = [
    ...report.problems,
    ...outcomes.flatMap((o) => (o.outcome.ok ? [] : o.outcome.problems.map((p) => ofStory(o.id, p)))),
  ];
  if (problems.length > 0) return { ok: false, version, problems, tookMs };
  const sum = (key: keyof KnowledgeBase['counts']): number =>
    outcomes.reduce((total, o) => total + (o.outcome.ok ? o.outcome.counts[key] : 0), 0);
  const list = (key: 'added' | 'removed' | 'edited'): string[] =>
    outcomes.flatMap((o) => (o.outcome.ok ? o.outcome.changes[key].map((id) => `${o.id}/${id}`) : []));
  return {
    ok: true,
    version,
    previousVersion: outcomes
      .map((o) => (o.outcome.ok ? o.outcome.previousVersion : o.outcome.version))
      .join('+'),
    counts: {
      entries: sum('entries'),
      quotes: sum('quotes'),
      people: sum('people'),
      gaps: sum('gaps'),
      topics: sum('topics'),
      paragraphs: sum('paragraphs'),
      sentences: sum('sentences'),
    },
    changes: {
      added: [...report.added, ...list('added')],
      removed: [...report.removed, ...list('removed')],
      edited: list('edited'),
    },
    replacedFile: null,
    tookMs,
  };
}
