/**
 * A minimal Python unpickler (protocols 2–5), enough for PyTorch `torch.save` state dicts:
 * dicts/lists/tuples/strings/numbers, OrderedDict, persistent ids (tensor storages) and
 * `torch._utils._rebuild_tensor_v2` / `_rebuild_parameter`. Globals are never imported or
 * executed: every GLOBAL becomes a `PyGlobal` marker and REDUCE/NEWOBJ/BUILD on an unknown
 * one becomes an inert `PyObject`, so a hostile pickle can do nothing but fail to parse.
 * Pure TypeScript, runs in the browser.
 */
export class PyGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}
  get qualified(): string {
    return `${this.module}.${this.name}`;
  }
}
class PyObject {
  constructor(
    readonly type: string,
    readonly args: PyValue[],
    public state: PyValue = null,
  ) {}
}
export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}
export type PyValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PyValue[]
  | PyTuple
  | Map<PyValue, PyValue>
  | PyGlobal
  | PyObject
  | object;

export interface UnpickleHooks {
  /** BINPERSID: resolve a persistent id (torch: ('storage', type, key, location, numel)). */
  persistentLoad(pid: PyValue): PyValue;
  /** REDUCE on a known global, e.g. torch._utils._rebuild_tensor_v2; return undefined if unknown. */
  reduce(fn: PyGlobal, args: PyValue[]): PyValue | undefined;
}

const MARK = Symbol('mark');
type StackItem = PyValue | typeof MARK;

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one `case` per pickle opcode over shared reader state (pos, stack, memo); split up, the opcodes would lose the table they read as.
export function unpickle(bytes: Uint8Array, hooks: UnpickleHooks): PyValue {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const td = new TextDecoder('utf-8');
  let pos = 0;
  const stack: StackItem[] = [];
  const memo = new Map<number, PyValue>();
  const fail = (msg: string): never => {
    throw new Error(`pickle: ${msg} at byte ${pos}`);
  };
  const need = (n: number) => {
    if (pos + n > bytes.length) fail('truncated data');
  };
  const u8 = () => {
    need(1);
    return bytes[pos++]!;
  };
  const u16 = () => {
    need(2);
    const v = dv.getUint16(pos, true);
    pos += 2;
    return v;
  };
  const u32 = () => {
    need(4);
    const v = dv.getUint32(pos, true);
    pos += 4;
    return v;
  };
  const i32 = () => {
    need(4);
    const v = dv.getInt32(pos, true);
    pos += 4;
    return v;
  };
  const raw = (n: number) => {
    need(n);
    const b = bytes.subarray(pos, pos + n);
    pos += n;
    return b;
  };
  const line = () => {
    const e = bytes.indexOf(0x0a, pos);
    if (e < 0) fail('unterminated line');
    const s = td.decode(bytes.subarray(pos, e));
    pos = e + 1;
    return s;
  };
  const pop = (): PyValue => {
    const v = stack.pop();
    if (v === undefined || v === MARK) return fail('stack underflow');
    return v;
  };
  const top = (): PyValue => {
    const v = stack[stack.length - 1];
    if (v === undefined || v === MARK) return fail('empty stack');
    return v;
  };
  const popMark = (): PyValue[] => {
    const i = stack.lastIndexOf(MARK);
    if (i < 0) fail('MARK not found');
    const items = stack.splice(i) as PyValue[];
    items.shift();
    return items;
  };
  const setItems = (d: PyValue, kv: PyValue[]) => {
    if (d instanceof Map) {
      for (let i = 0; i + 1 < kv.length; i += 2) d.set(kv[i]!, kv[i + 1]!);
      return;
    }
    if (d instanceof PyObject) {
      d.args.push(...kv);
      return;
    } // e.g. a dict subclass we do not model
    fail('SETITEM(S) on a non-dict');
  };
  const callGlobal = (fn: PyValue, args: PyValue[]): PyValue => {
    if (!(fn instanceof PyGlobal)) return new PyObject('<call>', args);
    if (fn.qualified === 'collections.OrderedDict' || fn.qualified === 'builtins.dict') return new Map();
    const r = hooks.reduce(fn, args);
    return r === undefined ? new PyObject(fn.qualified, args) : r;
  };
  const longLE = (b: Uint8Array): number | bigint => {
    if (b.length === 0) return 0;
    let v = 0n;
    for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
    if (b[b.length - 1]! & 0x80) v -= 1n << BigInt(8 * b.length);
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  };

  for (;;) {
    const op = u8();
    switch (op) {
      case 0x80:
        u8();
        break; // PROTO
      case 0x95:
        raw(8);
        break; // FRAME
      case 0x2e:
        return pop(); // STOP
      case 0x28:
        stack.push(MARK);
        break; // MARK
      case 0x7d:
        stack.push(new Map());
        break; // EMPTY_DICT }
      case 0x5d:
        stack.push([]);
        break; // EMPTY_LIST ]
      case 0x29:
        stack.push(new PyTuple([]));
        break; // EMPTY_TUPLE )
      case 0x64: {
        const kv = popMark();
        const d = new Map();
        setItems(d, kv);
        stack.push(d);
        break;
      } // DICT
      case 0x6c:
        stack.push(popMark());
        break; // LIST
      case 0x74:
        stack.push(new PyTuple(popMark()));
        break; // TUPLE
      case 0x85:
        stack.push(new PyTuple([pop()]));
        break; // TUPLE1
      case 0x86: {
        const b = pop(),
          a = pop();
        stack.push(new PyTuple([a, b]));
        break;
      }
      case 0x87: {
        const c = pop(),
          b = pop(),
          a = pop();
        stack.push(new PyTuple([a, b, c]));
        break;
      }
      case 0x4e:
        stack.push(null);
        break; // NONE
      case 0x88:
        stack.push(true);
        break; // NEWTRUE
      case 0x89:
        stack.push(false);
        break; // NEWFALSE
      case 0x4b:
        stack.push(u8());
        break; // BININT1
      case 0x4d:
        stack.push(u16());
        break; // BININT2
      case 0x4a:
        stack.push(i32());
        break; // BININT
      case 0x8a:
        stack.push(longLE(raw(u8())));
        break; // LONG1
      case 0x8b:
        stack.push(longLE(raw(u32())));
        break; // LONG4
      case 0x47: {
        need(8);
        stack.push(dv.getFloat64(pos, false));
        pos += 8;
        break;
      } // BINFLOAT (big-endian)
      case 0x49: {
        const s = line();
        stack.push(s === '00' ? false : s === '01' ? true : Number(s));
        break;
      } // INT
      case 0x4c:
        stack.push(Number(line().replace(/L$/, '')));
        break; // LONG
      case 0x46:
        stack.push(Number(line()));
        break; // FLOAT
      case 0x58:
        stack.push(td.decode(raw(u32())));
        break; // BINUNICODE
      case 0x8c:
        stack.push(td.decode(raw(u8())));
        break; // SHORT_BINUNICODE
      case 0x8d: {
        need(8);
        const n = Number(dv.getBigUint64(pos, true));
        pos += 8;
        stack.push(td.decode(raw(n)));
        break;
      }
      case 0x54:
        stack.push(td.decode(raw(u32())));
        break; // BINSTRING
      case 0x55:
        stack.push(td.decode(raw(u8())));
        break; // SHORT_BINSTRING
      case 0x42:
        stack.push(raw(u32()).slice());
        break; // BINBYTES
      case 0x43:
        stack.push(raw(u8()).slice());
        break; // SHORT_BINBYTES
      case 0x71:
        memo.set(u8(), top());
        break; // BINPUT
      case 0x72:
        memo.set(u32(), top());
        break; // LONG_BINPUT
      case 0x94:
        memo.set(memo.size, top());
        break; // MEMOIZE
      case 0x68:
      case 0x6a: {
        // BINGET, LONG_BINGET
        const k = op === 0x68 ? u8() : u32();
        if (!memo.has(k)) fail(`memo key ${k} missing`);
        stack.push(memo.get(k)!);
        break;
      }
      case 0x63: {
        const mod = line();
        const name = line();
        stack.push(new PyGlobal(mod, name));
        break;
      } // GLOBAL
      case 0x93: {
        const name = pop(),
          mod = pop();
        stack.push(new PyGlobal(String(mod), String(name)));
        break;
      } // STACK_GLOBAL
      case 0x52: {
        // REDUCE
        const args = pop(),
          fn = pop();
        stack.push(callGlobal(fn, args instanceof PyTuple ? args.items : []));
        break;
      }
      case 0x81: {
        // NEWOBJ
        const args = pop(),
          cls = pop();
        stack.push(callGlobal(cls, args instanceof PyTuple ? args.items : []));
        break;
      }
      case 0x62: {
        // BUILD
        const state = pop(),
          obj = top();
        if (obj instanceof PyObject) obj.state = state;
        break; // state of a Map (OrderedDict) or a tensor (hooks) is not needed
      }
      case 0x51:
        stack.push(hooks.persistentLoad(pop()));
        break; // BINPERSID
      case 0x73: {
        const v = pop(),
          k = pop();
        setItems(top(), [k, v]);
        break;
      } // SETITEM
      case 0x75: {
        const kv = popMark();
        setItems(top(), kv);
        break;
      } // SETITEMS
      case 0x61: {
        const v = pop();
        const l = top();
        if (!Array.isArray(l)) fail('APPEND on a non-list');
        (l as PyValue[]).push(v);
        break;
      }
      case 0x65: {
        const items = popMark();
        const l = top();
        if (!Array.isArray(l)) fail('APPENDS on a non-list');
        (l as PyValue[]).push(...items);
        break;
      }
      case 0x30:
        pop();
        break; // POP
      case 0x31:
        popMark();
        break; // POP_MARK
      case 0x32:
        stack.push(top());
        break; // DUP
      default:
        fail(`unsupported opcode 0x${op.toString(16)}`);
    }
  }
}
