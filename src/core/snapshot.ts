/**
 * Moving a large object graph (a knowledge base) from a worker thread to the main thread without
 * stalling the main thread.
 *
 * Structured cloning a whole knowledge base would deserialise it in one go on the receiving
 * thread (about 150 ms for 10,000 entries' texts alone) and lose every class prototype. So the
 * sender cuts the graph into small messages (`encodeSnapshot`) and the receiver applies them one
 * at a time, between other work (`SnapshotDecoder`):
 *
 * - plain objects and instances of registered classes outside collections become nodes, rebuilt
 *   field by field with their prototype (`Object.create`), frozen again if they were frozen;
 * - arrays, Maps and Sets become collections filled in chunks of a bounded size;
 * - typed arrays are transferred, not copied;
 * - an object already sent as an element of another collection (the entries a by-id Map points
 *   to) is sent as a reference to where it was, so it stays one object on the other side.
 *
 * Nothing here knows what a knowledge base holds: a new field of plain data needs no change, a
 * new class needs registering (encoding an unregistered one throws, naming where it was).
 */

/** A step from a container to one of its children: an object key, array index or Set position, or a Map key. */
type Step = { readonly in: 'object'; readonly key: string } | { readonly in: 'map'; readonly key: unknown };
/** Where a value is: steps from the root. */
type Path = readonly Step[];

type Op =
  | { readonly op: 'node'; readonly at: Path; readonly cls: string | null }
  | { readonly op: 'set'; readonly at: Path; readonly value: unknown }
  | { readonly op: 'collection'; readonly at: Path; readonly type: 'array' | 'map' | 'set' }
  | {
      readonly op: 'append';
      readonly at: Path;
      /** Array and Set items, or [key, value] pairs for a Map. */
      readonly items: unknown[];
      /** Items that stand for an object sent earlier: [item index, where that object is]. */
      readonly refs: readonly (readonly [number, Path])[];
    }
  | { readonly op: 'freeze'; readonly at: Path }
  /** An object the receiving thread has its own of (the shared English), by name. */
  | { readonly op: 'external'; readonly at: Path; readonly name: string };

/** One message: a few ops whose values together are cheap to clone. */
export interface SnapshotMessage {
  readonly ops: readonly Op[];
}

export interface EncodedSnapshot {
  readonly messages: readonly SnapshotMessage[];
  /** Per message, the ArrayBuffers to transfer with it (postMessage's transfer list). */
  readonly transfers: readonly ArrayBuffer[][];
}

/** Class name -> class, for the classes a snapshot may hold (the same names on both sides). */
export type ClassRegistry = Readonly<Record<string, { readonly prototype: object }>>;

/**
 * Name -> each thread's own instance of an object every snapshot shares (loaded once per
 * thread): sent by name, never copied. Called on the sending side to recognise it, on the
 * receiving side to put its own in place.
 */
export type ExternalRegistry = Readonly<Record<string, () => object>>;

/**
 * About how much one message may weigh: a character of text counts one, an object or number a
 * few. Tuned so that one message deserialises in a few milliseconds.
 */
const MESSAGE_BUDGET = 120_000;
const OBJECT_WEIGHT = 24;
const NUMBER_WEIGHT = 8;

/** A path built only when needed: most objects are never referred to again. */
interface PathLink {
  readonly parent: PathLink | null;
  readonly step: Step | null;
}

const ROOT: PathLink = { parent: null, step: null };
const child = (parent: PathLink, step: Step): PathLink => ({ parent, step });

function pathOf(link: PathLink): Path {
  const steps: Step[] = [];
  for (let at: PathLink | null = link; at?.step; at = at.parent) steps.push(at.step);
  return steps.reverse();
}

const describe = (link: PathLink): string => {
  const path = pathOf(link);
  return path.length === 0
    ? 'the root'
    : path.map((s) => (s.in === 'map' ? `.get(${JSON.stringify(s.key)})` : `.${s.key}`)).join('');
};

interface Sent {
  readonly at: PathLink;
  /** Rebuilt by ops (a node or collection), or cloned whole inside one message (an element). */
  readonly as: 'rebuilt' | 'cloned';
  readonly message: number;
  /** False for what sits where no path reaches it (a Map key). */
  readonly addressable: boolean;
}

const isTypedArray = (value: unknown): value is ArrayBufferView =>
  ArrayBuffer.isView(value) && !(value instanceof DataView);

export function encodeSnapshot(
  root: object,
  classes: ClassRegistry,
  externals: ExternalRegistry = {},
): EncodedSnapshot {
  const classOf = new Map<object, string>();
  for (const [name, cls] of Object.entries(classes)) classOf.set(cls.prototype, name);
  const externalName = new Map<object, string>();
  for (const [name, own] of Object.entries(externals)) externalName.set(own(), name);

  const messages: SnapshotMessage[] = [];
  const transfers: ArrayBuffer[][] = [];
  let ops: Op[] = [];
  let buffers: ArrayBuffer[] = [];
  let weight = 0;
  const sent = new Map<object, Sent>();

  const flush = (): void => {
    if (ops.length === 0) return;
    messages.push({ ops });
    transfers.push(buffers);
    ops = [];
    buffers = [];
    weight = 0;
  };
  /** Adds an op to the current message, starting a new one first if it would overflow. */
  const push = (op: Op, opWeight: number): void => {
    if (weight > 0 && weight + opWeight > MESSAGE_BUDGET) flush();
    ops.push(op);
    weight += opWeight + OBJECT_WEIGHT;
  };
  /** A typed array that owns its whole buffer is transferred with the message; others are copied. */
  const transfer = (array: ArrayBufferView): void => {
    const { buffer } = array;
    const whole = array.byteOffset === 0 && array.byteLength === buffer.byteLength;
    if (whole && buffer instanceof ArrayBuffer && !buffers.includes(buffer)) buffers.push(buffer);
  };
  const unsendable = (value: unknown, at: PathLink): Error =>
    new Error(`snapshot: cannot send a ${typeof value} (at ${describe(at)})`);
  const shared = (at: PathLink, earlier: Sent): Error =>
    new Error(
      `snapshot: the object at ${describe(at)} is also at ${describe(earlier.at)}: an object used in two places ` +
        'must be an element of a collection (an array, Map or Set) in the second place',
    );

  /**
   * Notes every object inside a value that travels whole (an element of a collection), so later
   * references find it, and checks it holds nothing cloning would spoil. Returns its weight.
   */
  const walk = (value: unknown, at: PathLink, addressable: boolean): number => {
    if (typeof value === 'string') return value.length;
    if (typeof value === 'function' || typeof value === 'symbol') throw unsendable(value, at);
    if (typeof value !== 'object' || value === null) return NUMBER_WEIGHT;
    if (externalName.has(value)) {
      throw new Error(
        `snapshot: ${externalName.get(value)} (at ${describe(at)}) is shared by name: keep it outside collections`,
      );
    }
    const earlier = sent.get(value);
    if (earlier) {
      // In the same message, cloning keeps it one object.
      if (earlier.as === 'cloned' && earlier.message === messages.length) return NUMBER_WEIGHT;
      throw shared(at, earlier);
    }
    sent.set(value, { at, as: 'cloned', message: messages.length, addressable });
    if (isTypedArray(value)) {
      transfer(value);
      return OBJECT_WEIGHT;
    }
    const proto = Object.getPrototypeOf(value);
    let w = OBJECT_WEIGHT;
    if (proto === Array.prototype || proto === Set.prototype) {
      let i = 0;
      for (const item of value as Iterable<unknown>) {
        w += walk(item, child(at, { in: 'object', key: String(i++) }), addressable);
      }
      return w;
    }
    if (proto === Map.prototype) {
      for (const [k, v] of value as Map<unknown, unknown>) {
        w += walk(k, at, false) + walk(v, child(at, { in: 'map', key: k }), addressable);
      }
      return w;
    }
    if (proto === Object.prototype || proto === null) {
      for (const key of Object.keys(value)) {
        w += walk((value as Record<string, unknown>)[key], child(at, { in: 'object', key }), addressable);
      }
      return w;
    }
    if (value instanceof Date || value instanceof RegExp) return w;
    const name = classOf.get(proto) ?? (value.constructor as { name?: string } | undefined)?.name;
    throw new Error(
      `snapshot: ${name ?? 'an object'} at ${describe(at)} is inside a collection's element, where its class would be lost`,
    );
  };

  const emit = (value: unknown, at: PathLink): void => {
    const path = pathOf(at);
    if (typeof value === 'function' || typeof value === 'symbol') throw unsendable(value, at);
    if (typeof value !== 'object' || value === null) {
      push({ op: 'set', at: path, value }, typeof value === 'string' ? value.length : NUMBER_WEIGHT);
      return;
    }
    const earlier = sent.get(value);
    if (earlier) throw shared(at, earlier);
    const name = externalName.get(value);
    if (name !== undefined) {
      push({ op: 'external', at: path, name }, 0);
      sent.set(value, { at, as: 'rebuilt', message: messages.length, addressable: true });
      return;
    }
    if (isTypedArray(value)) {
      push({ op: 'set', at: path, value }, OBJECT_WEIGHT);
      transfer(value);
      sent.set(value, { at, as: 'cloned', message: messages.length, addressable: true });
      return;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto === Array.prototype || proto === Map.prototype || proto === Set.prototype) {
      const type = proto === Array.prototype ? 'array' : proto === Map.prototype ? 'map' : 'set';
      push({ op: 'collection', at: path, type }, 0);
      sent.set(value, { at, as: 'rebuilt', message: messages.length, addressable: true });
      emitItems(value as Iterable<unknown>, type, at, path);
    } else {
      const cls = proto === Object.prototype || proto === null ? null : classOf.get(proto);
      if (cls === undefined) {
        const name = (value.constructor as { name?: string } | undefined)?.name ?? 'an object';
        throw new Error(`snapshot: ${name} (at ${describe(at)}) is not a registered class: register it`);
      }
      push({ op: 'node', at: path, cls }, 0);
      sent.set(value, { at, as: 'rebuilt', message: messages.length, addressable: true });
      for (const key of Object.keys(value)) {
        emit((value as Record<string, unknown>)[key], child(at, { in: 'object', key }));
      }
    }
    if (Object.isFrozen(value)) push({ op: 'freeze', at: path }, 0);
  };

  const emitItems = (
    items: Iterable<unknown>,
    type: 'array' | 'map' | 'set',
    at: PathLink,
    path: Path,
  ): void => {
    let chunk: unknown[] = [];
    let refs: (readonly [number, Path])[] = [];
    let chunkWeight = 0;
    // The chunk joins the current message as it is: its objects were noted as sent by it.
    const send = (): void => {
      if (chunk.length === 0) return;
      ops.push({ op: 'append', at: path, items: chunk, refs });
      weight += chunkWeight + OBJECT_WEIGHT;
      chunk = [];
      refs = [];
      chunkWeight = 0;
    };
    let index = 0;
    for (const item of items) {
      const [key, value] = type === 'map' ? (item as [unknown, unknown]) : [index, item];
      const itemAt = child(at, type === 'map' ? { in: 'map', key } : { in: 'object', key: String(index) });
      index++;
      if (type === 'map' && typeof key === 'object' && key !== null) {
        throw new Error(`snapshot: a Map (at ${describe(at)}) has an object key: use strings or numbers`);
      }
      const earlier = typeof value === 'object' && value !== null ? sent.get(value) : undefined;
      if (earlier) {
        if (!earlier.addressable) throw shared(itemAt, earlier);
        refs.push([chunk.length, pathOf(earlier.at)]);
        chunk.push(type === 'map' ? [key, null] : null);
        chunkWeight += NUMBER_WEIGHT;
        continue;
      }
      if (weight + chunkWeight + estimate(value) > MESSAGE_BUDGET && weight + chunkWeight > 0) {
        send();
        flush();
      }
      chunkWeight += walk(value, itemAt, true) + (type === 'map' ? NUMBER_WEIGHT : 0);
      chunk.push(type === 'map' ? [key, value] : value);
    }
    send();
  };

  emit(root, ROOT);
  flush();
  return { messages, transfers };
}

/** A quick guess of a value's weight, to decide where a message ends before walking it. */
function estimate(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null) return NUMBER_WEIGHT;
  if (Array.isArray(value)) {
    let w = OBJECT_WEIGHT;
    for (const item of value) w += typeof item === 'string' ? item.length : OBJECT_WEIGHT;
    return w;
  }
  if (value instanceof Map || value instanceof Set) return OBJECT_WEIGHT * (value.size + 1);
  let w = OBJECT_WEIGHT;
  for (const item of Object.values(value)) {
    w += typeof item === 'string' ? item.length : Array.isArray(item) ? estimate(item) : OBJECT_WEIGHT;
  }
  return w;
}

/** Rebuilds a snapshot message by message; `result()` once every message is in. */
export class SnapshotDecoder<T> {
  private root: unknown;
  private readonly prototypes = new Map<string, object>();

  constructor(
    classes: ClassRegistry,
    private readonly externals: ExternalRegistry = {},
  ) {
    for (const [name, cls] of Object.entries(classes)) this.prototypes.set(name, cls.prototype);
  }

  apply(message: SnapshotMessage): void {
    for (const op of message.ops) this.applyOp(op);
  }

  result(): T {
    return this.root as T;
  }

  private applyOp(op: Op): void {
    switch (op.op) {
      case 'node': {
        const proto = op.cls === null ? Object.prototype : this.prototypes.get(op.cls);
        if (!proto) throw new Error(`snapshot: class ${op.cls} is not registered on this side`);
        this.place(op.at, Object.create(proto));
        return;
      }
      case 'set':
        this.place(op.at, op.value);
        return;
      case 'collection':
        this.place(op.at, op.type === 'array' ? [] : op.type === 'map' ? new Map() : new Set());
        return;
      case 'append': {
        const target = this.find(op.at);
        for (const [i, path] of op.refs) {
          const value = this.find(path);
          if (target instanceof Map) (op.items[i] as unknown[])[1] = value;
          else op.items[i] = value;
        }
        if (Array.isArray(target)) for (const item of op.items) target.push(item);
        else if (target instanceof Map)
          for (const [k, v] of op.items as [unknown, unknown][]) target.set(k, v);
        else for (const item of op.items) (target as Set<unknown>).add(item);
        return;
      }
      case 'freeze':
        Object.freeze(this.find(op.at));
        return;
      case 'external': {
        const own = this.externals[op.name];
        if (!own) throw new Error(`snapshot: ${op.name} is not shared on this side`);
        this.place(op.at, own());
        return;
      }
    }
  }

  private find(path: Path): unknown {
    let at: unknown = this.root;
    for (const step of path) {
      if (step.in === 'map') at = (at as Map<unknown, unknown>).get(step.key);
      else if (at instanceof Set) at = [...at][Number(step.key)];
      else at = (at as Record<string, unknown>)[step.key];
    }
    return at;
  }

  private place(path: Path, value: unknown): void {
    if (path.length === 0) {
      this.root = value;
      return;
    }
    const parent = this.find(path.slice(0, -1));
    const last = path[path.length - 1] as Step;
    if (last.in === 'map') (parent as Map<unknown, unknown>).set(last.key, value);
    else (parent as Record<string, unknown>)[last.key] = value;
  }
}
