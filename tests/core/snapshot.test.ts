import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/engine.ts';
import { KNOWLEDGE_CLASSES, KNOWLEDGE_EXTERNALS, type KnowledgeBase } from '../../src/core/knowledge.ts';
import {
  type ClassRegistry,
  type ExternalRegistry,
  encodeSnapshot,
  SnapshotDecoder,
  type SnapshotMessage,
} from '../../src/core/snapshot.ts';
import { DATA_DIR, knowledgeOf, ROOT } from '../support/data.ts';
import { loadEvalSet } from '../support/evaluation.ts';

class Counter {
  count = 2;
  readonly seen = new Set(['a']);
  next(): number {
    return ++this.count;
  }
}
const CLASSES = { Counter };

/** Through structured cloning, message by message, as between threads. */
function roundTrip<T>(
  value: object,
  classes: ClassRegistry = CLASSES,
  externals: ExternalRegistry = {},
): { copy: T; messages: readonly SnapshotMessage[] } {
  const { messages } = encodeSnapshot(value, classes, externals);
  const decoder = new SnapshotDecoder<T>(classes, externals);
  for (const message of messages) decoder.apply(structuredClone(message));
  return { copy: decoder.result(), messages };
}

describe('snapshots of an object graph', () => {
  it('restores classes, Maps, Sets, typed arrays, frozen objects and shared elements', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ id: `item-${i}`, text: 'x'.repeat(100) }));
    const original = Object.freeze({
      items,
      byId: new Map(items.map((item) => [item.id, item])),
      tags: new Set(['one', 'two']),
      weights: Float64Array.from([0.5, 1.5]),
      counter: new Counter(),
      nested: { deep: { list: [1, 2, 3] } },
    });
    const { copy, messages } = roundTrip<typeof original>(original);
    expect(messages.length).toBeGreaterThan(1);
    expect(Object.isFrozen(copy)).toBe(true);
    expect(copy.items).toEqual(items);
    expect(copy.byId.get('item-2999')).toBe(copy.items[2999]);
    expect([...copy.tags]).toEqual(['one', 'two']);
    expect(copy.weights).toBeInstanceOf(Float64Array);
    expect([...copy.weights]).toEqual([0.5, 1.5]);
    expect(copy.counter).toBeInstanceOf(Counter);
    expect(copy.counter.next()).toBe(3);
    expect(copy.counter.seen.has('a')).toBe(true);
    expect(copy.nested.deep.list).toEqual([1, 2, 3]);
  });

  it('sends a shared object by name, for the receiver to put its own in place', () => {
    const mine = { words: new Set(['a', 'b']) };
    const theirs = { words: new Set(['a', 'b']) };
    const { messages } = encodeSnapshot({ language: { english: mine } }, {}, { english: () => mine });
    const decoder = new SnapshotDecoder<{ language: { english: object } }>({}, { english: () => theirs });
    for (const message of messages) decoder.apply(structuredClone(message));
    expect(decoder.result().language.english).toBe(theirs);
  });

  it('keeps every message small, whatever the size of one collection', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: String(i), text: 'y'.repeat(200) }));
    const { messages } = encodeSnapshot({ items }, {});
    const largest = Math.max(...messages.map((m) => JSON.stringify(m).length));
    expect(largest).toBeLessThan(400_000);
    expect(messages.length).toBeGreaterThan(10);
  });

  it('refuses what it cannot rebuild, naming where it is', () => {
    class Unregistered {
      x = 1;
    }
    expect(() => encodeSnapshot({ inner: { thing: new Unregistered() } }, {})).toThrow(
      /Unregistered \(at \.inner\.thing\) is not a registered class/,
    );
    expect(() => encodeSnapshot({ list: [{ counter: new Counter() }] }, CLASSES)).toThrow(
      /Counter at \.list\.0\.counter is inside a collection's element/,
    );
    expect(() => encodeSnapshot({ f: () => 1 }, {})).toThrow(/cannot send a function \(at \.f\)/);
    const shared = { a: 1 };
    expect(() => encodeSnapshot({ one: shared, two: { inner: shared } }, {})).toThrow(
      /the object at \.two\.inner is also at \.one/,
    );
  });

  it('rebuilds a knowledge base that answers exactly as the original', async () => {
    const kb = await knowledgeOf(DATA_DIR);
    const { copy } = roundTrip<KnowledgeBase>(kb, KNOWLEDGE_CLASSES, KNOWLEDGE_EXTERNALS);
    expect(copy).not.toBe(kb);
    expect(Object.isFrozen(copy)).toBe(true);
    expect(copy.entryById.get(kb.entries[0]?.id ?? '')).toBe(copy.entries[0]);
    for (const item of loadEvalSet(`${ROOT}/tests/eval/tuning/own.yaml`)) {
      expect(answerQuestion(copy, item.q)).toEqual(answerQuestion(kb, item.q));
    }
  });
});
