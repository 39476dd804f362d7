/**
 * The bot in the terminal: the same command layer the Discord bot uses, on stdin/stdout.
 * A line is a question, or a command with the chat prefix (!ask, !quote, !help ...). The session
 * is one conversation, piped lines too: "who is X?" then "how old is he?" asks X's age. It
 * returns at the end of input or at !quit, so `echo "question" | npm start` prints one answer and exits.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { askCommand } from '../commands/ask.ts';
import type { Dispatcher } from '../commands/dispatch.ts';
import { messages } from '../commands/messages.ts';
import type { BotServices, CommandContext } from '../commands/types.ts';
import { renderText } from './render-text.ts';

export interface TerminalOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly dispatcher: Dispatcher;
  readonly services: BotServices;
  /** Show a prompt (when a person is typing, not a pipe). */
  readonly interactive: boolean;
}

export async function runTerminal(options: TerminalOptions): Promise<void> {
  const { input, output, dispatcher, services, interactive } = options;
  const write = (text: string): void => {
    output.write(text);
  };
  const context: CommandContext = {
    surface: 'terminal',
    // Whoever runs the process owns the data folder: a moderator.
    asker: { id: 'terminal', name: safeUserName(), isModerator: true },
    guildId: null,
    // `!story use <id>` sets the session's story (several stories): the terminal is its own channel.
    channelId: TERMINAL_CONVERSATION,
    conversationKey: TERMINAL_CONVERSATION,
    services,
    async reply(message) {
      write(renderText(message));
    },
  };
  const lines = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  const prompt = (): void => {
    if (interactive) write('> ');
  };
  prompt();
  for await (const line of lines) {
    if (isQuit(line, services.commandPrefix)) break;
    const parsed = dispatcher.parseChat(line);
    if (parsed.kind === 'command') {
      await dispatcher.run(parsed.command, context, parsed.input);
    } else if (parsed.kind === 'unknown') {
      write(`${messages.unknownCommand(parsed.name, services.commandPrefix)}\n`);
    } else if (parsed.text.length > 0) {
      await dispatcher.run(askCommand, context, {
        string: (name) => (name === 'question' ? parsed.text : null),
        boolean: () => null,
        attachment: () => null,
      });
    }
    if (interactive) write('\n');
    prompt();
  }
  if (interactive) write('\n');
}

/** The terminal session is one conversation. */
const TERMINAL_CONVERSATION = 'terminal';

/** "!quit", "!exit", or a bare "quit" / "exit": the end of the session, not a question. */
function isQuit(line: string, prefix: string): boolean {
  const word = line.trim().toLowerCase();
  const bare = word.startsWith(prefix) ? word.slice(prefix.length) : word;
  return bare === 'quit' || bare === 'exit';
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'terminal';
  }
}
