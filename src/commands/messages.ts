/** Every sentence the front ends say on their own behalf, in one place. */

export const messages = {
  askUsage: (prefix: string, example: string) =>
    `Ask me something about the story, e.g. \`${prefix}ask ${example}\``,
  quoteUsage: (prefix: string, speakers: readonly string[], subject: string | undefined) => {
    const [first, second] = speakers;
    if (first === undefined) return `Name a speaker or a subject, e.g. \`${prefix}quote <name>\`.`;
    const onSubject = subject === undefined ? '' : ` on ${subject}`;
    return `Name a speaker or a subject, e.g. \`${prefix}quote ${first}${onSubject}\`${second === undefined ? '' : ` or \`${prefix}quote ${second}\``}.`;
  },
  cooldown: (seconds: number) =>
    `Easy there: you can ask again in ${seconds} second${seconds === 1 ? '' : 's'}. I'll be here.`,
  moderatorsOnly:
    'Only moderators can do that (Manage Server, or a role the bot operator listed in MOD_ROLE_IDS). Nothing was changed.',
  failed:
    'Sorry, something went wrong on my side while answering. It has been logged; please try again in a moment.',
  unknownCommand: (name: string, prefix: string) =>
    `I don't know the command \`${name.replace(/[`\\]/g, '').slice(0, 32)}\`. Type \`${prefix}help\` to see what I can do.`,
  unknownButton: 'That button belongs to an older version of me. Ask again and use the new buttons.',
  notAnEntry:
    'That question is no longer in my notes (the data was updated). Ask it again in your own words.',
  notAParagraph: (count: number) => `The article has paragraphs 1 to ${count}. Pick one of those.`,
  feedbackThanks: 'Thanks: that helps the curators improve the answers.',
  feedbackAlready: 'You already rated this answer; thanks again.',
  feedbackSorry:
    'Thanks for telling me. The curators will see it; meanwhile try asking in other words, or pick a related question.',
  terminalNotice: (prefix: string) =>
    `story-bot in the terminal: type a question, or ${prefix}help; ${prefix}quit or Ctrl-D to leave. (Set DISCORD_TOKEN in .env to connect to Discord; see README.)`,
  messageContentMissing:
    'Discord refused the privileged Message Content intent (close code 4014). Turn it on for this application in the Developer Portal (Bot > Privileged Gateway Intents), or set MESSAGE_CONTENT_INTENT=false: @mentions, DMs and slash commands keep working without it; only prefix commands like !ask need it.',
  invalidToken:
    'Discord rejected the token (close code 4004). Copy a fresh one from the Developer Portal (Bot > Reset Token) into DISCORD_TOKEN.',

  // Answers
  source: 'Source',
  paragraph: (n: string) => `paragraph ${n}`,
  /** "paragraph 4", "paragraphs 3 and 7", "paragraphs 1, 3 and 4". */
  paragraphs: (numbers: readonly string[]) =>
    numbers.length === 1
      ? `paragraph ${numbers[0]}`
      : `paragraphs ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`,
  paragraphTitle: (n: string) => `Paragraph ${n}`,
  showParagraph: (n: string) => `Show paragraph ${n}`,
  tellMeMore: 'Tell me more',
  /** What "tell me more" asks, as the engine reads it after the answer it was clicked on. */
  tellMeMoreQuestion: 'tell me more',
  didYouMean: 'Did you mean',
  related: 'Related',
  youCouldAsk: 'You could ask',
  helpful: 'Helpful',
  notWhatIAsked: 'Not what I asked',
  reportedNote: 'Reported speech: the article’s account, not the speaker’s own words.',

  // Browsing
  topicsTitle: 'Topics',
  topicsHint: (prefix: string) => `Pick a topic below, or type \`${prefix}topics <topic>\`.`,
  topicPlaceholder: 'Pick a topic',
  unknownTopic: (prefix: string) => `I don't know that topic. Type \`${prefix}topics\` to see them all.`,
  storyParagraphHint: (prefix: string, terminal: boolean) =>
    terminal
      ? `Read any paragraph with \`${prefix}story <n>\`.`
      : `Read any paragraph with \`/story paragraph:<n>\` or \`${prefix}story <n>\`.`,
  helpTitle: 'story-bot: answers about one news story',
  helpIntro: (title: string) =>
    `I answer questions about “${title}” from the article itself, with a citation, and say so when the article doesn't say. Ask in your own words: mention me, DM me, or use the commands below. Reply to one of my answers to follow it up.`,
  helpIntroTerminal: (title: string) =>
    `I answer questions about “${title}” from the article itself, with a citation, and say so when the article doesn't say. Type a question in your own words (follow-ups like “why?” or “what did she say?” work too), or a command below.`,
  helpQuit: (prefix: string) => `\`${prefix}quit\` (or Ctrl-D): leave.`,
  helpExamples: (examples: readonly string[]) => `Try: ${examples.map((e) => `“${e}”`).join(', ')}`,
  /** The words of a quote command, as help shows it among the examples. */
  quoteExample: (speaker: string) => `quote ${speaker}`,

  // Several stories
  unknownStory: (typed: string, ids: readonly string[], prefix: string) =>
    `I don't serve a story called \`${typed.replace(/[`\\]/g, '').slice(0, 64)}\`. The stories are ${ids
      .slice(0, 20)
      .map((id) => `\`${id}\``)
      .join(', ')}${ids.length > 20 ? ` and ${ids.length - 20} more` : ''} (\`${prefix}story\` lists them).`,
  moreStories: (count: number) => `…and ${count} more (type part of a title in the \`story\` option).`,
  /** Under an answer routed to the story that answered it best. */
  fromStory: (title: string) => `From the story “${title}”`,
  storiesTitle: (count: number) => `${count} stories`,
  storiesHint: (prefix: string, terminal: boolean) =>
    terminal
      ? `Ask about one with \`${prefix}story use <id>\` (for this session), or just ask: I find the story that answers.`
      : `Pick one with the \`story:\` option, or just ask: I find the story that answers. Moderators set a channel's story with \`/story use:<id>\` or \`${prefix}story use <id>\`.`,
  whichStory:
    'That could be asked of any of these stories. Which one? Ask again with its name (the `story:` option), or ask something about it.',
  storyUsed: (title: string, id: string, scope: string, saved: boolean) =>
    `Questions ${scope === 'server' ? 'in this server' : scope === 'session' ? 'in this session' : 'in this channel'} now go to “${title}” (\`${id}\`) unless they name another story.${saved ? '' : ' (Kept until the bot restarts: the state database cannot be written.)'}`,
  storyUseCleared: (scope: string) =>
    `No default story ${scope === 'server' ? 'for this server' : scope === 'session' ? 'for this session' : 'for this channel'} any more: questions go to the story that answers them best.`,
  storyUseOne: 'I serve one story only: every question already goes to it.',
  storyUsage: (prefix: string) =>
    `Type \`${prefix}story use <id>\` (add \`server\` for the whole server), \`${prefix}story <id>\`, or \`${prefix}story <id> <paragraph>\`.`,
  helpIntroStories: (count: number, titles: readonly string[]) =>
    `I answer questions about ${count} news stories (${titles.map((t) => `“${t}”`).join(', ')}${count > titles.length ? ', …' : ''}) from the articles themselves, with a citation, and say so when an article doesn't say. Ask in your own words: I find the story that answers, or name one with \`story:\`. Mention me, DM me, or use the commands below. Reply to one of my answers to follow it up.`,
  reloadStoriesOk: (ok: number, total: number, took: number) =>
    ok === total
      ? `Reloaded ${total} stor${total === 1 ? 'y' : 'ies'} in ${took} ms. The new data is live.`
      : `Reloaded ${ok} of ${total} stories in ${took} ms; the others were refused and their previous data is still live.`,
  reloadStoryFailed: (count: number) =>
    `refused: ${count} problem${count === 1 ? '' : 's'}; the previous data is still live`,
  reloadStoryUploadNeedsStory: 'Name the story the uploaded file belongs to (the `story:` option).',

  // Moderators
  reloadOk: (took: number) => `Reloaded in ${took} ms. The new data is live.`,
  reloadFailed: (count: number) =>
    `Reload refused: ${count} problem${count === 1 ? '' : 's'} in the data. The previous data is still live; fix these and reload again.`,
  reloadCounts: 'Now serving',
  reloadChanges: 'Changes',
  reloadNoChanges: 'No entries changed.',
  reloadShards: 'Shards',
  shardResult: (s: { shardId: number; ok: boolean; version: string; problems: number }) =>
    s.ok
      ? `shard ${s.shardId}: reloaded (version ${s.version})`
      : `shard ${s.shardId}: refused (${s.problems} problem${s.problems === 1 ? '' : 's'}), still serving ${s.version}`,
  unansweredTitle: 'What people asked that I could not answer',
  unansweredEmpty: 'Nothing declined or flagged yet.',
  unansweredOff:
    'The question log is off (LOG_QUESTIONS=false), or its database cannot be read right now (the bot’s log says why). Try again in a minute.',
  misansweredTitle: 'Answers marked “not what I asked”',

  // Teaching from /unanswered
  teachCardsIntro: (count: number) =>
    `Teach me ${count === 1 ? 'this question' : `these ${count} questions`}: pick the entry that answers it, or mark it as a known gap. Each change is validated with the whole data folder before it is written, then goes live.`,
  teachCardDescription: (count: number | null, decidedBy: string, id: string | null) =>
    `${count === null ? 'Marked “not what I asked”' : `Asked ${count}×`} · now: ${decidedBy}${id ? ` (${id})` : ''}`,
  teachCandidates: 'Closest entries',
  answerWithPlaceholder: 'Answer with…',
  markAsKnownGap: 'Mark as known gap',
  teachWorking: 'Teaching: validating the data folder with the change, then reloading…',
  teachCardStale: 'That card is out of date (the question changed or was cut short). Run /unanswered again.',
  teachPickEntry: 'Pick the entry that answers the question.',
  taughtAlternate: (question: string, entryId: string, file: string) =>
    `Added “${question}” as an alternate of ${entryId} (${file}).`,
  taughtGap: (question: string, gapId: string, file: string) =>
    `Added the known gap ${gapId} (“${question}”) to ${file}; edit its reply there if it should say more.`,
  taughtLive: (version: string, tookMs: number) =>
    `The whole folder validated, the file was written and the new data is live (version ${version}) in ${tookMs} ms.`,
  taughtTaken: (entryId: string) => `I now answer it with ${entryId}.`,
  taughtNotTaken: (decidedBy: string, id: string | null) =>
    `But I still answer it otherwise (decided by ${decidedBy}${id ? `, ${id}` : ''}): check it in the curator studio.`,
  teachRefused: (count: number) =>
    `Nothing was written: ${count} problem${count === 1 ? '' : 's'} with that change.`,
} as const;
