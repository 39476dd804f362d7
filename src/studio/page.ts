/**
 * The studio's one page, rendered on the server: the test box and teaching, what readers asked,
 * the article coloured by coverage, the entries and the live validation problems. Everything
 * works without JavaScript (forms and links); studio.js only adds live updates and filtering.
 */
import { renderAnswer } from '../commands/render.ts';
import type { ReplyEmbed } from '../commands/types.ts';
import type { Answer } from '../core/answer.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { coreMessages } from '../core/messages.ts';
import type { QaEntry } from '../core/schema.ts';
import { type TeachingResult, teachingCandidates } from '../services/teaching.ts';
import type { AnalysisView } from './analysis.ts';
import { type Citer, coverageOf } from './coverage.ts';
import { type Html, html, query } from './html.ts';
import type { LiveStatus } from './live.ts';
import type { QuestionLogRead } from './question-log.ts';

export interface TestedQuestion {
  readonly question: string;
  readonly answer: Answer;
  readonly analysis: AnalysisView;
  readonly tookMicros: number;
}

export interface PageInput {
  readonly kb: KnowledgeBase;
  readonly csrf: string;
  readonly live: LiveStatus;
  readonly tested: TestedQuestion | null;
  readonly taught: TeachingResult | null;
  readonly asked: QuestionLogRead;
  /** Answers the listed questions get now, for their best candidates. */
  readonly answerOf: (question: string) => Answer;
  readonly search: string;
}

/** Coverage classes by how many entries and quotes cite a place: none, 1-2, 3-5, 6 or more. */
const coverageClass = (n: number): string => `cov-${n === 0 ? 0 : n <= 2 ? 1 : n <= 5 ? 2 : 3}`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function renderPage(input: PageInput): string {
  const { kb } = input;
  const title = `Curator studio · ${kb.story.title}`;
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/studio.css">
<script src="/assets/studio.js" defer></script>
</head>
<body data-version="${kb.version}">
<a class="skip" href="#main">Skip to the content</a>
<header>
  <h1>Curator studio</h1>
  <p class="story">${kb.story.title}</p>
  <p class="meta">Data version <code id="live-version">${kb.version}</code> · ${plural(kb.counts.entries, 'Q&A entry', 'Q&A entries')}, ${plural(kb.counts.quotes, 'quote')}, ${plural(kb.counts.gaps, 'known gap')} · article of ${plural(kb.counts.paragraphs, 'paragraph')}</p>
  <nav aria-label="Sections">
    <a href="#test">Test and teach</a>
    <a href="#asked">Readers’ questions</a>
    <a href="#article">Article coverage</a>
    <a href="#entries">Entries</a>
    <a href="#problems">Problems</a>
  </nav>
</header>
<main id="main">
${statusBanner(input.live)}
<p id="data-changed" class="notice" hidden>The data changed since this page was made: <a href="">reload the page</a> to see it.</p>
${testSection(input)}
${askedSection(input)}
${articleSection(kb)}
${entriesSection(kb, input.search)}
${problemsSection(input.live)}
</main>
</body>
</html>`}`;
}

export function renderLogin(message: string | null, intro: string): string {
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Curator studio · access token</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/studio.css">
</head>
<body>
<main id="main">
<h1>Curator studio</h1>
<p>${intro}</p>
${message ? html`<p class="bad" role="alert">${message}</p>` : ''}
<form method="post" action="/login" class="login">
  <label for="token">Access token</label>
  <input id="token" name="token" type="password" autocomplete="current-password" required>
  <button type="submit">Open the studio</button>
</form>
</main>
</body>
</html>`}`;
}

function statusBanner(live: LiveStatus): Html {
  const ok = live.problems.length === 0;
  return html`<p id="status" class="${ok ? 'good' : 'bad'}" role="status" aria-live="polite">${
    ok
      ? 'The data folder validates: no problems.'
      : html`The data folder has ${plural(live.problems.length, 'problem')}; the live data is unchanged until they are fixed. <a href="#problems">See them</a>.`
  }</p>`;
}

// --- Test and teach -----------------------------------------------------------------------------

function testSection(input: PageInput): Html {
  const { tested, taught } = input;
  return html`<section id="test" aria-labelledby="test-title">
<h2 id="test-title">Test and teach</h2>
${taught ? taughtBanner(input.kb, taught) : ''}
<form method="get" action="/#test" class="ask" role="search">
  <label for="question">Question</label>
  <input id="question" name="q" type="text" maxlength="1000" value="${tested?.question ?? ''}" autocomplete="off" required>
  <button type="submit">Ask</button>
</form>
${tested ? testedView(input, tested) : html`<p class="hint">Ask as a reader would. You will see the answer they get, why, and what the engine read; then teach it if it is wrong.</p>`}
</section>`;
}

function taughtBanner(kb: KnowledgeBase, result: TeachingResult): Html {
  if (!result.ok) {
    return html`<div class="result bad" role="alert" id="teach-result">
<p><strong>Nothing was written.</strong> ${result.change ? html`The change to ${result.change.file} (${result.change.entryId}) was refused:` : 'The change was refused:'}</p>
<ul>${result.problems.map((p) => html`<li>${p.entry ? `${p.file}, entry "${p.entry}"` : p.file}${p.field ? `, field ${p.field}` : ''}: ${p.message}</li>`)}</ul>
</div>`;
  }
  const { change, answerAfter } = result;
  const what =
    change.kind === 'alternate'
      ? html`Added “${change.question}” as an alternate of <code>${change.entryId}</code> (${kb.entryById.get(change.entryId)?.question ?? ''}) in ${change.file}.`
      : html`Added the known gap <code>${change.entryId}</code> (“${change.question}”) to ${change.file}.`;
  const now = result.taken
    ? change.kind === 'alternate'
      ? html`The bot now answers it with <code>${change.entryId}</code>.`
      : html`The bot now declines it with the gap's reply.`
    : html`<strong>But the bot still answers it otherwise</strong> (decided by ${answerAfter.decidedBy}${answerAfter.id ? html`, <code>${answerAfter.id}</code>` : ''}): look at the analysis below.`;
  return html`<div class="result ${result.taken ? 'good' : 'warn'}" role="status" id="teach-result">
<p>${what} The whole folder validated, the file was written and the new data is live (version <code>${result.version}</code>) in ${result.tookMs} ms.</p>
<p>${now}</p>
</div>`;
}

function testedView(input: PageInput, tested: TestedQuestion): Html {
  const { kb } = input;
  const { answer, analysis } = tested;
  const reply = renderAnswer(kb, answer);
  const candidates = teachingCandidates(kb, answer);
  return html`<div class="tested">
<section class="reader" aria-labelledby="reader-title">
<h3 id="reader-title">What readers see</h3>
${reply.embed ? embedView(reply.embed) : ''}
${reply.buttons && reply.buttons.length > 0 ? html`<p class="buttons"><span class="visually-hidden">Buttons under the answer:</span>${reply.buttons.map((b) => html`<span class="chip">${b.label}</span>`)}</p>` : ''}
</section>
<p class="decided" id="decided-by">decided by <code>${answer.decidedBy}</code>${answer.id ? html` · <code>${answer.id}</code>` : ''} · confidence ${answer.confidence.toFixed(2)} · answered in ${tested.tookMicros} µs</p>
<div class="columns">
${analysisView(kb, analysis)}
<section aria-labelledby="runners-title" id="runners-up">
<h3 id="runners-title">Runners-up</h3>
${
  answer.runnersUp.length > 0
    ? scoreTable(kb, answer.runnersUp)
    : html`<p class="hint">The engine reported no runners-up; the candidates it scored highest:</p>${scoreTable(
        kb,
        analysis.candidates.filter((c) => !answer.ids.includes(c.id)).slice(0, 3),
      )}`
}
${
  answer.suggestions.length > 0
    ? html`<p>Suggested to the reader: ${answer.suggestions.map((s, i) => html`${i > 0 ? ', ' : ''}<code>${s.id}</code>`)}</p>`
    : ''
}
</section>
</div>
${teachForm(input, tested.question, candidates[0]?.id ?? null)}
</div>`;
}

function scoreTable(
  kb: KnowledgeBase,
  rows: readonly { readonly id: string; readonly kind: string; readonly score: number }[],
): Html {
  if (rows.length === 0) return html`<p>none</p>`;
  return html`<table><thead><tr><th scope="col">Candidate</th><th scope="col">Kind</th><th scope="col">Score</th></tr></thead><tbody>${rows.map(
    (r) =>
      html`<tr><td><code>${r.id}</code> ${labelOf(kb, r.id)}</td><td>${r.kind}</td><td>${r.score.toFixed(3)}</td></tr>`,
  )}</tbody></table>`;
}

function embedView(embed: ReplyEmbed): Html {
  return html`<div class="embed">
${embed.title ? html`<p class="embed-title">${embed.title}</p>` : ''}
<p class="embed-text">${embed.description}</p>
${(embed.fields ?? []).map((f) => {
  const name = f.name.replace(/\u200b/g, '').trim();
  const quoted = f.value.startsWith('> ');
  return html`<div class="embed-field">${name ? html`<p class="field-name">${name}</p>` : ''}${
    quoted ? fieldQuote(f.value) : html`<p class="field-value">${f.value}</p>`
  }</div>`;
})}
${embed.footer ? html`<p class="embed-footer">${embed.footer}</p>` : ''}
</div>`;
}

/** "> excerpt\n— paragraph 5, “title”" as Discord shows it: a quote, then its source. */
function fieldQuote(value: string): Html {
  const [first = '', ...rest] = value.split('\n');
  return html`<blockquote>${first.slice(2)}</blockquote><p class="field-value">${rest.join('\n')}</p>`;
}

/** The analysis view: whatever analysisOf returns from the engine's trace (see analysis.ts). */
function analysisView(kb: KnowledgeBase, analysis: AnalysisView): Html {
  return html`<section aria-labelledby="analysis-title" id="analysis">
<h3 id="analysis-title">What the engine read</h3>
${analysis.parts.map(
  (part, i) =>
    html`<p>${analysis.parts.length > 1 ? html`<strong>Part ${i + 1}</strong> ` : ''}<span class="type">${part.type}</span> question · terms: ${
      part.terms.length > 0
        ? part.terms.map(
            (t, j) =>
              html`${j > 0 ? ' ' : ''}<code class="${t.known ? 'term' : 'term unknown'}" title="typed “${t.typed}”">${t.term}</code>`,
          )
        : html`<em>none</em>`
    }</p>`,
)}
<dl>
<dt>Corrections</dt><dd>${analysis.corrections.length > 0 ? analysis.corrections.map((c, i) => html`${i > 0 ? ', ' : ''}“${c.typed}” read as <code>${c.readAs}</code> (${c.similarity.toFixed(2)})`) : 'none'}</dd>
<dt>Aliases</dt><dd>${analysis.aliases.length > 0 ? analysis.aliases.map((a, i) => html`${i > 0 ? ', ' : ''}“${a.typed}” is <code>${a.readAs}</code>`) : 'none'}</dd>
<dt>Words the story never uses</dt><dd>${analysis.unknown.length > 0 ? analysis.unknown.join(', ') : 'none'}</dd>
<dt>Rules fired</dt><dd>${analysis.fired.length > 0 ? analysis.fired.map((r, i) => html`${i > 0 ? ' → ' : ''}<code>${r}</code>`) : 'none'}</dd>
${analysis.notes.length > 0 ? html`<dt>Notes</dt><dd>${analysis.notes.join('; ')}</dd>` : ''}
</dl>
<details><summary>${plural(analysis.candidates.length, 'candidate')} scored${analysis.rejections.length > 0 ? `, ${analysis.rejections.length} put out by checks` : ''}</summary>
${scoreTable(kb, analysis.candidates.slice(0, 12))}
${analysis.rejections.length > 0 ? html`<ul class="rejections">${analysis.rejections.map((r) => html`<li>out: <code>${r}</code></li>`)}</ul>` : ''}
</details>
</section>`;
}

function teachForm(input: PageInput, question: string, best: string | null): Html {
  const { kb } = input;
  return html`<form method="post" action="/teach" class="teach">
<h3>Teach it</h3>
<input type="hidden" name="csrf" value="${input.csrf}">
<input type="hidden" name="question" value="${question}">
<div class="row">
  <label for="answer-with">Answer with</label>
  <select id="answer-with" name="entry" required>
    <option value=""${best === null ? ' selected' : ''}>Choose the entry that answers it…</option>
    ${entryOptions(kb, best)}
  </select>
  <button type="submit" name="action" value="alternate">Add as alternate</button>
</div>
<div class="row">
  <label for="gap-reply">Reply for a known gap</label>
  <textarea id="gap-reply" name="reply" rows="2" maxlength="1000">${coreMessages.notInArticle}</textarea>
  <button type="submit" name="action" value="gap" formnovalidate>Add as known gap</button>
</div>
<p class="hint">Either change is validated with the whole folder before anything is written, then put live at once. The YAML keeps its comments and layout.</p>
</form>`;
}

function entryOptions(kb: KnowledgeBase, selected: string | null): Html[] {
  return kb.topics.map((topic) => {
    const entries = kb.entries.filter((e) => e.topic === topic.id);
    if (entries.length === 0) return html``;
    return html`<optgroup label="${topic.title}">${entries.map(
      (e) => html`<option value="${e.id}"${e.id === selected ? ' selected' : ''}>${e.question}</option>`,
    )}</optgroup>`;
  });
}

function labelOf(kb: KnowledgeBase, id: string): string {
  return (
    kb.entryById.get(id)?.question ??
    kb.gapById.get(id)?.question ??
    kb.quoteById.get(id)?.text ??
    kb.article.places.get(id)?.text.slice(0, 80) ??
    ''
  );
}

// --- What readers asked -------------------------------------------------------------------------

function askedSection(input: PageInput): Html {
  const { asked, kb } = input;
  const tryLink = (question: string): Html =>
    html`<a class="try" href="/${query({ q: question })}#test">Try and teach<span class="visually-hidden">: ${question}</span></a>`;
  const candidatesOf = (question: string): Html => {
    const answer = input.answerOf(question);
    const candidates = teachingCandidates(kb, answer);
    return html`<span class="candidates">now: ${answer.decidedBy}${
      candidates.length > 0
        ? html` · best candidates: ${candidates
            .slice(0, 3)
            .map(
              (c, i) =>
                html`${i > 0 ? '; ' : ''}<code>${c.id}</code>${c.score !== null ? ` (${c.score.toFixed(2)})` : ''}`,
            )}`
        : ' · no close entry'
    }</span>`;
  };
  let body: Html;
  if (!asked.ok) body = html`<p class="hint">${asked.reason}</p>`;
  else if (asked.servers.length === 0)
    body = html`<p class="hint">Nobody has been declined or marked an answer “not what I asked” yet.</p>`;
  else
    body = html`${asked.servers.map(
      (server) => html`<section class="server" aria-label="${serverName(server.guildId)}">
<h3>${serverName(server.guildId)}</h3>
${
  server.declined.length > 0
    ? html`<h4>Declined, most frequent first</h4><ol class="asked">${server.declined.map(
        (d) =>
          html`<li><span class="count">${d.count}×</span> <q>${d.question}</q> <span class="seen">last ${d.lastSeen.slice(0, 16).replace('T', ' ')}</span><br>${candidatesOf(d.question)} ${tryLink(d.question)}</li>`,
      )}</ol>`
    : ''
}
${
  server.misanswered.length > 0
    ? html`<h4>Answers marked “not what I asked”</h4><ol class="asked">${server.misanswered.map(
        (m) =>
          html`<li><span class="count">${m.notHelpful}×</span> <code>${m.entryId}</code> ${labelOf(kb, m.entryId)} (helpful ${m.helpful})${
            m.examples.length > 0
              ? html`<ul>${m.examples.map((q) => html`<li><q>${q}</q><br>${candidatesOf(q)} ${tryLink(q)}</li>`)}</ul>`
              : ''
          }</li>`,
      )}</ol>`
    : ''
}
</section>`,
    )}${asked.moreServers > 0 ? html`<p class="hint">${plural(asked.moreServers, 'more server')} with fewer questions not shown.</p>` : ''}`;
  return html`<section id="asked" aria-labelledby="asked-title">
<h2 id="asked-title">What readers asked</h2>
<p class="hint">From the question log: what the bot declined, and answers readers marked “not what I asked”, per server. “Try and teach” puts a question in the test box.</p>
${body}
</section>`;
}

function serverName(guildId: string): string {
  return guildId === '' ? 'Direct messages and the terminal' : `Server ${guildId}`;
}

// --- The article --------------------------------------------------------------------------------

function articleSection(kb: KnowledgeBase): Html {
  const paragraphs = coverageOf(kb);
  const citers = (id: string, label: string, list: readonly Citer[]): Html =>
    html`<div class="citers" id="cited-${id.replace('.', '-')}" tabindex="-1">
<p><strong>${label}</strong>: ${list.length === 0 ? 'cited by nothing' : `cited by ${countText(list)}`}</p>
${list.length > 0 ? html`<ul>${list.map((c) => html`<li>${c.kind === 'qa' ? 'Q&A' : 'quote'} <code>${c.id}</code> ${c.label}${c.wholeParagraph ? ' (the whole paragraph)' : ''}</li>`)}</ul>` : ''}
</div>`;
  return html`<section id="article" aria-labelledby="article-title">
<h2 id="article-title">The article, by coverage</h2>
<p class="legend">How many Q&A entries and quotes cite each paragraph and sentence:
<span class="cov-0">none</span> <span class="cov-1">1–2</span> <span class="cov-2">3–5</span> <span class="cov-3">6 or more</span>. Select a paragraph number or a sentence to list them.</p>
${paragraphs.map(
  (
    p,
  ) => html`<div class="paragraph ${coverageClass(p.citedBy.length)}" id="${p.id}" data-paragraph="${p.id}" data-citers="${p.citedBy.length}">
<p class="paragraph-head"><a href="#cited-${p.id}" class="paragraph-link">Paragraph ${p.number}</a> <span class="coverage-count">${countText(p.citedBy)}</span></p>
<p class="paragraph-text">${p.sentences.map(
    (s) =>
      html`<a href="#cited-${s.id.replace('.', '-')}" class="sentence ${coverageClass(s.citedBy.length)}" data-sentence="${s.id}" data-citers="${s.citedBy.length}" title="${s.id}: ${countText(s.citedBy)}">${s.text}</a> `,
  )}</p>
${citers(p.id, `Paragraph ${p.number}`, p.citedBy)}
${p.sentences.map((s) => citers(s.id, `Sentence ${s.id}`, s.citedBy))}
</div>`,
)}
</section>`;
}

function countText(list: readonly Citer[]): string {
  const entries = list.filter((c) => c.kind === 'qa').length;
  const quotes = list.length - entries;
  return `${plural(entries, 'entry', 'entries')}, ${plural(quotes, 'quote')}`;
}

// --- Entries ------------------------------------------------------------------------------------

function entriesSection(kb: KnowledgeBase, search: string): Html {
  const needle = search.trim().toLowerCase();
  const haystack = (e: QaEntry): string =>
    [e.id, e.question, ...e.alternates, ...e.keywords, e.answer, e.topic].join(' \n ').toLowerCase();
  const shown = needle.length > 0 ? kb.entries.filter((e) => haystack(e).includes(needle)) : kb.entries;
  return html`<section id="entries" aria-labelledby="entries-title">
<h2 id="entries-title">Entries</h2>
<form method="get" action="/#entries" class="search" role="search">
  <label for="entry-search">Search entries</label>
  <input id="entry-search" name="search" type="search" value="${search}" autocomplete="off">
  <button type="submit">Search</button>
</form>
<p class="hint" id="entry-count" aria-live="polite">${needle.length > 0 ? `${shown.length} ${shown.length === 1 ? 'entry matches' : 'entries match'} “${search.trim()}”.` : `${kb.entries.length} entries.`}</p>
<div class="entry-list">
${kb.entries.map(
  (
    e,
  ) => html`<article class="entry" id="entry-${e.id}" data-search="${haystack(e)}"${shown.includes(e) ? '' : ' hidden'}>
<h3>${e.question} <code>${e.id}</code></h3>
<p class="entry-answer">${e.answer}</p>
<p class="meta">topic ${e.topic} · cites ${e.cites.join(', ')}${e.planned ? ' · planned' : ''}</p>
<details><summary>${plural(e.alternates.length, 'alternate')}${e.keywords.length > 0 ? `, ${plural(e.keywords.length, 'keyword')}` : ''}</summary>
<ul>${e.alternates.map((a) => html`<li>${a}</li>`)}</ul>
${e.keywords.length > 0 ? html`<p>Keywords: ${e.keywords.join(', ')}</p>` : ''}
</details>
</article>`,
)}
</div>
</section>`;
}

// --- Problems -----------------------------------------------------------------------------------

function problemsSection(live: LiveStatus): Html {
  return html`<section id="problems" aria-labelledby="problems-title">
<h2 id="problems-title">Validation problems</h2>
<p class="hint">The data folder is checked again whenever a file in it changes; this list updates by itself.</p>
<ul id="problem-list">${live.problems.length > 0 ? live.problems.map((p) => html`<li>${p}</li>`) : html`<li class="none">None: the folder validates.</li>`}</ul>
<h3 id="warnings-title">Warnings</h3>
<p class="hint">The data loads with these; they point at what is still to curate.</p>
<ul id="warning-list" aria-labelledby="warnings-title">${live.warnings.length > 0 ? live.warnings.map((w) => html`<li>${w}</li>`) : html`<li class="none">None.</li>`}</ul>
<p class="hint">Checked <time id="checked-at" datetime="${live.checkedAt}">${live.checkedAt.slice(0, 19).replace('T', ' ')}</time> (UTC).</p>
</section>`;
}
