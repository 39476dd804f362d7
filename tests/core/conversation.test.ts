/** Follow-ups read against the conversation: what "it" points at. */
import { describe, expect, it } from 'vitest';
import { answerAfter } from '../../src/core/engine.ts';
import { createTrace } from '../../src/core/trace.ts';
import { DATA_DIR, knowledgeOf, MINI_STORY_DIR, ROOT } from '../support/data.ts';

const kb = await knowledgeOf(DATA_DIR);
const mini = await knowledgeOf(MINI_STORY_DIR);
const SECOND_STORY_DIR = `${ROOT}/tests/fixtures/second-story/data`;

function ask(question: string, after: string[]) {
  const trace = createTrace();
  const answer = answerAfter(kb, question, after, { trace });
  return { answer, notes: trace.record.notes.join('\n') };
}

describe('"it" after an answer', () => {
  it('is the thing a what-question was answered with', () => {
    const { answer, notes } = ask('why does he want it?', ['What is Starmer pressing Trump to do?']);
    expect(notes).toMatch(/it = .*backstop/);
    expect(answer.id).toBe('backstop-purpose');
  });

  it('is still the question’s subject after a who-question, whose answer named a person', () => {
    const { notes } = ask('why did it happen?', ['Who voted with the US at the UN?']);
    expect(notes).toContain('subject of');
    expect(notes).not.toMatch(/it = /);
  });
});

describe('"that" before a verb', () => {
  it('is the thing just answered ("what does that signal?"), not a noun it picks out', () => {
    const { answer, notes } = ask('what does that signal?', [
      'What did Starmer announce on defence spending?',
    ]);
    expect(notes).toContain('subject of');
    expect(answer.text).toContain('2.5%');
  });
});

describe('"supposed to"', () => {
  it('is no subject of its own: "what is it supposed to signal?" asks what the last answer signals', () => {
    const { answer, notes } = ask("what's it supposed to signal?", [
      'why did Starmer announce more defence spending?',
    ]);
    expect(notes).toContain('subject of');
    expect(answer.text).toContain('commitment to European security');
  });
});

describe('"it" with the question\'s own measure', () => {
  const second = knowledgeOf(SECOND_STORY_DIR);
  it('"how long ... it" still points back: "long" is what is asked, not a subject', async () => {
    const trace = createTrace();
    answerAfter(await second, 'how long does it run for?', ['What is the Eastgate Line?'], { trace });
    expect(trace.record.notes.join('\n')).toContain('subject of');
  });

  it('a subject of its own besides the measure is read as it stands', async () => {
    const trace = createTrace();
    answerAfter(await second, 'how long will it take to build the depot?', ['What is the Eastgate Line?'], {
      trace,
    });
    expect(trace.record.notes.join('\n')).not.toContain('subject of');
  });
});

describe('"and what ...?" with one word of its own', () => {
  const notesAfter = async (question: string, after: string) => {
    const trace = createTrace();
    answerAfter(await knowledgeOf(SECOND_STORY_DIR), question, [after], { trace });
    return trace.record.notes.join('\n');
  };
  it("asks one more thing about the last question's subject", async () => {
    expect(await notesAfter('and what was the majority?', 'How did the council vote?')).toContain(
      'subject of',
    );
  });

  it('is a question of its own when it names someone, or says "she"', async () => {
    expect(await notesAfter('and what did the mayor say?', 'How did the council vote?')).not.toContain(
      'subject of',
    );
  });
});

describe('"he" and "she"', () => {
  it('after "who is X?" is X, not someone X’s answer mentions', () => {
    const { answer, notes } = ask('what is he signing?', ['Who is Zelensky?']);
    expect(notes).toContain('he = #zelensky');
    expect(answer.id).toBe('zelensky-visit');
  });

  it('after a who-question with a subject is the one the answer named', () => {
    const { notes } = ask('what did he say?', ['Who called the vote a stark reminder?']);
    expect(notes).toContain('he = #howard');
  });

  it('after a question the article could not answer still means the same person, without its subject', () => {
    const { answer, notes } = ask('what did she say?', ['who is theresa may?', 'how old is she?']);
    expect(notes).toContain('she = #may');
    expect(notes).not.toContain('subject of');
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('urged Starmer');
  });

  it('"they" with no person to mean carries on the last question’s subject', () => {
    const trace = createTrace();
    const answer = answerAfter(mini, 'what will they call it?', ['How long is the bridge?'], { trace });
    expect(trace.record.notes.join('\n')).toContain('subject of "How long is the bridge?"');
    expect(answer.decidedBy).not.toBe('needs-context');
  });

  it('"they" alone as a first question asks who is meant', () => {
    expect(ask('what did they say?', []).answer.decidedBy).toBe('needs-context');
  });

  it('with no earlier turn and little else asks who is meant', () => {
    const { answer } = ask('how old is he?', []);
    expect(answer.decidedBy).toBe('needs-context');
    expect(answer.text).toMatch(/who do you mean/i);
  });

  it('of filler words only ("is she ok now?") is a question about someone, not small talk', () => {
    expect(ask('is she ok now?', []).answer.decidedBy).toBe('needs-context');
    expect(ask('is she ok now?', ['what did Theresa May urge?']).answer.decidedBy).not.toBe('small-talk');
  });

  it('after a greeting is still a question ("hiya! what are they doing now?")', () => {
    expect(ask('hiya! what are they doing now?', []).answer.decidedBy).not.toBe('small-talk');
  });

  it('with no earlier turn but a subject of its own is read as it stands', () => {
    const { answer } = ask('what did he say about the minerals deal?', []);
    expect(answer.decidedBy).not.toBe('needs-context');
  });
});

describe('"how much …?" in a few words', () => {
  it('asks how much of what was just answered, not anything in the story', () => {
    const { answer, notes } = ask('how much money exactly?', [
      'what does Trump say the US gains from the minerals deal?',
    ]);
    expect(notes).toContain('subject of');
    expect(answer.answered).toBe(false);
  });
});

describe('a short fragment', () => {
  it('that is a keyword with its own answer is a new question, not the last one again', () => {
    const { answer, notes } = ask('minerals?', ['who is lavrov?']);
    expect(notes).toContain('read on its own');
    expect(answer.id).toBe('minerals-deal');
  });

  it('that is no keyword of another answer still finishes the last question', () => {
    const { answer } = ask('first name?', ["Who is Russia's foreign minister?"]);
    expect(answer.text).toContain('Sergei');
  });
});

describe('a comparison that names one side', () => {
  it('compares it with the side the last question was about', () => {
    const { answer } = ask('how is that different from Starmer’s?', [
      "What is Trump's view on security guarantees for Ukraine?",
    ]);
    expect(answer.decidedBy).toBe('one-side-against-another');
    expect(answer.text).toContain('Trump');
    expect(answer.text).toContain('backstop');
  });
});

describe('a later clause of one message', () => {
  it('reads a bare "it" against the clause before it, not the last turn', () => {
    const { notes } = ask('what is the backstop and who would give it?', ['who is Lavrov?']);
    expect(notes).toContain('subject of "what is the backstop');
    expect(notes).not.toContain('subject of "who is Lavrov');
  });

  it('reads an "it" with a subject of its own as it stands', () => {
    const { answer, notes } = ask('what is the backstop and who does Starmer want to give it?', [
      'who is Lavrov?',
    ]);
    expect(notes).not.toContain('subject of');
    expect(answer.text).not.toContain('Lavrov');
  });
});

describe('a new subject for the last question', () => {
  it('asks for the new one’s view when the last question asked for a view ("and Starmer’s?")', () => {
    const { answer } = ask('and Starmer’s?', ["What's Trump's view on protecting Ukraine?"]);
    expect(answer.decidedBy).toBe('position-of-a-side');
    expect(answer.text).toContain('Starmer');
    expect(answer.text).toContain('backstop');
  });

  it('after a correction asks about the new one alone when the last question finds nothing for them', () => {
    const { answer, notes } = ask('no, I meant Theresa May', ['What did Lavrov say about peacekeepers?']);
    expect(notes).toContain('the new subject on its own');
    expect(answer.text).toContain('Theresa May');
  });

  it('is what the last speaker said it of when the article quotes nobody for it ("and Europe?")', () => {
    const { answer } = ask('and Europe?', ['What did Trump say about security guarantees?']);
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('Trump');
    expect(answer.text).toContain('Europe should take the lead');
  });

  it('is a short follow-up ending in its verb ("the US did?")', () => {
    const { answer, notes } = ask('the US did?', ['Which countries voted against the resolution at the UN?']);
    expect(notes).toContain('ellipsis');
    expect(answer.text).toMatch(/voted (?:against|alongside)/);
  });

  it('is still a short follow-up after a word of surprise ("wait, the US did too?")', () => {
    const { answer, notes } = ask('wait, the US did too?', ['Who voted against the UN resolution?']);
    expect(notes).toContain('ellipsis');
    expect(answer.text).toMatch(/voted (?:against|alongside)/);
  });

  it('is a new speaker when the article quotes someone for it ("and Russia?")', () => {
    const { answer } = ask('and Russia?', ['What did Trump say about peacekeepers?']);
    expect(answer.text).toContain('Lavrov');
  });

  it('without a correction may still be declined ("what about Putin?")', () => {
    const { answer } = ask('what about Putin?', ['What did Lavrov say about peacekeepers?']);
    expect(answer.answered).toBe(false);
  });
});

describe('"need"', () => {
  it('is a word of the question, not filler: "why does he still need the US?" asks why the US is needed', () => {
    const { answer } = ask('so why does he still need the US?', [
      'Is Starmer willing to send British troops?',
    ]);
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('crucial');
  });
});

describe('"so ... then?" after an answer', () => {
  it('draws on what was just said: who should lead, in what Trump said', () => {
    const { answer, notes } = ask('so who should lead then?', [
      'what did Trump say about security guarantees?',
    ]);
    expect(notes).toContain('subject of');
    expect(answer.text).toMatch(/Europe should take the lead/);
  });

  it('is advice asked of the bot without anything said before it', () => {
    const { answer } = ask('so who should lead then?', []);
    expect(answer.answered).toBe(false);
  });
});

describe('"who should, then?" after a yes-no question', () => {
  it('asks who does it instead: the one asked about, and his country, are not carried over', () => {
    const { answer, notes } = ask('who should, then?', ['is Trump willing to have the US protect Ukraine?']);
    expect(notes).toContain('who instead');
    expect(answer.text).toMatch(/Europe should take the lead/);
  });

  it('after a question that was not yes or no, carries its subject as any bare question does', () => {
    const { notes } = ask('who should, then?', ['what did Trump say about protecting Ukraine?']);
    expect(notes).not.toContain('who instead');
    expect(notes).toContain('subject of');
  });
});

describe('a follow-up after one side set against another', () => {
  it('asks the same of the new side: "and Russia\'s?" is Russia\'s stand on peacekeepers', () => {
    const { answer, notes } = ask("and russia's?", ['uk vs us position on peacekeeping']);
    expect(notes).toContain('ellipsis');
    expect(answer.text).toMatch(/Lavrov/);
  });

  it('stays a question of its own with nothing before it', () => {
    const { notes } = ask("and russia's?", []);
    expect(notes).not.toContain('ellipsis');
  });
});

describe('"that" after "is"', () => {
  it('stands for what was said when it ends the question ("why is that significant?")', () => {
    const { notes } = ask('why is that significant?', ['Which countries voted with the US at the UN?']);
    expect(notes).toContain('subject of');
  });

  it('points at a thing it names ("why is that deal important?")', () => {
    const { notes } = ask('why is that deal important?', ['Which countries voted with the US at the UN?']);
    expect(notes).not.toContain('subject of');
  });
});

describe('"tell me more" after a decline', () => {
  it('gives the paragraph of what the decline still reported ("What it reports: …")', () => {
    const { answer } = ask('tell me more', ["what are Starmer's chances of persuading Trump?"]);
    expect(answer.decidedBy).toBe('tell-me-more');
    expect(answer.text).toContain('uphill battle');
  });

  it('asks what is meant after a decline that reported nothing', () => {
    const { answer } = ask('tell me more', ['how old is Lavrov?']);
    expect(answer.decidedBy).toBe('needs-context');
  });
});

describe('"and the former one?"', () => {
  it("asks the last question of the office's former holder", () => {
    const { answer, notes } = ask('and the former one?', ['who is the UK prime minister?']);
    expect(notes).toContain('the former UK prime minister');
    expect(answer.text).toContain('Theresa May');
  });

  it('is left as it stands when the last question named no office', () => {
    const { notes } = ask('and the former one?', ['who is Lavrov?']);
    expect(notes).not.toContain('former');
  });
});

describe('"does she have a point?" after an answer', () => {
  it('is a judgement of what was just said, which the bot does not make', () => {
    const { answer } = ask('does she have a point?', ['what did Theresa May tell Starmer to say?']);
    expect(answer.decidedBy).toBe('judgement-of-last-answer');
    expect(answer.answered).toBe(false);
  });

  it('with no answer before it, asks who is meant', () => {
    expect(ask('does she have a point?', []).answer.decidedBy).toBe('needs-context');
  });
});

describe('"that" before a verb ending in a particle', () => {
  const after = ['what sort of backstop does Starmer want Trump to give?'];

  it('points back: "when would that kick in?" asks when the thing just answered would', () => {
    const { notes } = ask('when would that kick in?', after);
    expect(notes).toContain('subject of');
    expect(notes).toContain('it = ');
  });

  it('lets the answer leave out the people asked about before, since "it" is the thing', () => {
    const { answer } = ask('when would that kick in?', after);
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('peace deal');
  });
});

describe('a name that is also a function word, as a follow-up', () => {
  it('"what about May?" after what Lord Howard said asks what Theresa May said', () => {
    const { answer, notes } = ask('what about May?', ['what did Lord Howard say?']);
    expect(notes).toContain('ellipsis');
    expect(answer.text).toContain('Theresa May');
    expect(answer.text).not.toContain('stark reminder');
  });
});

describe('"explain this"', () => {
  it('with nothing asked before it, is the story to explain: its summary', () => {
    expect(ask('explain this', []).answer.decidedBy).toBe('story-summary');
  });

  it('after an answer, is more of that answer', () => {
    expect(ask('explain this', ['who is Lavrov?']).answer.decidedBy).toBe('tell-me-more');
  });
});

describe('"who wrote it?" after an answer about a document of the story', () => {
  const second = knowledgeOf(SECOND_STORY_DIR);
  const askSecond = async (question: string, after: string[]) => {
    const trace = createTrace();
    const answer = answerAfter(await second, question, after, { trace });
    return { answer, notes: trace.record.notes.join('\n') };
  };

  it('asks who wrote what the last question asked about, not who wrote the article', async () => {
    const { answer, notes } = await askSecond('who wrote it?', ['what did the business case find?']);
    expect(answer.decidedBy).not.toBe('story-author');
    expect(notes).toContain('subject of');
    // "It" is the business case asked about, not the figures its answer gave.
    expect(notes).not.toContain('it = ');
  });

  it('with nothing asked before it, asks who wrote the article', async () => {
    expect((await askSecond('who wrote it?', [])).answer.decidedBy).toBe('story-author');
  });
});
