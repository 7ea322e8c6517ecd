import type { Command, CommandResult } from '../commands/command.ts';
import type { FieldValue } from '../domain/index.ts';
import {
  soql,
  soqlObjects,
  type SoqlCondition,
  type SoqlQuery,
  type SoqlResult,
} from '../queries/soql.ts';
import type { S2S } from '../api.ts';
import type {
  ApexError,
  Expression,
  Literal,
  Bind,
  PathPart,
  Pos,
  Soql,
  Statement,
} from './ast.ts';
import { checkProgram, PNC, PNRC, PNRC_WRITABLE, SYSTEM_FIELDS } from './check.ts';
import { parseApex } from './parse.ts';
import { canonical } from './suggest.ts';

// Runs a checked program against one org as one user. Queries are the engine's `soql` query;
// every change is an ordinary command of the scripting API (pnrc.insert, pnrc.insertList,
// pnrc.delete, record.create/update/delete) with the values bound, so the journal, replay,
// scenario files and share links hold exactly what ran and need no parser. The run stops at
// the first refusal or runtime error, as an Apex exception would; commands before it stay done.

type OrgCommand = Extract<Command, { org: string; as: string }>;
/** A command without `org` and `as`; the host adds both. */
export type HostCommand = OrgCommand extends infer C
  ? C extends OrgCommand
    ? Omit<C, 'org' | 'as'>
    : never
  : never;

/** What the executor may use of the sandbox: one org, one user. */
export interface ApexHost {
  objects(): Record<string, string[]>;
  soql(q: SoqlQuery): SoqlResult;
  dispatch(cmd: HostCommand): CommandResult;
}

export type ApexOutput =
  | (Pos & {
      kind: 'rows';
      title: string;
      object: string;
      fields: string[];
      rows: Record<string, FieldValue>[];
    })
  | (Pos & { kind: 'dml'; text: string; ids: string[]; rule: string | null })
  | (Pos & { kind: 'debug'; text: string });

export interface ApexRun {
  ok: boolean;
  outputs: ApexOutput[];
  /** Compile errors (nothing ran), or the one runtime error or refusal that stopped the run. */
  errors: ApexError[];
  /** How many commands the run dispatched. */
  commands: number;
}

interface SObj {
  sobject: string;
  fields: Record<string, FieldValue>;
}
interface ListV {
  list: Value[];
}
type Value = FieldValue | SObj | ListV;

const isSObj = (v: Value): v is SObj => !!v && typeof v === 'object' && 'sobject' in v;
const isList = (v: Value): v is ListV => !!v && typeof v === 'object' && 'list' in v;

/** The longest script the console runs; it has no loops, so this bounds the work too. */
export const MAX_SCRIPT_CHARS = 20_000;

class ApexException extends Error {
  constructor(
    readonly at: Pos,
    message: string,
    readonly rule?: string,
  ) {
    super(message);
  }
}

function describe(v: Value): string {
  if (isSObj(v)) return v.sobject;
  if (isList(v)) return 'List';
  return v === null
    ? 'null'
    : typeof v === 'string'
      ? 'String'
      : typeof v === 'number'
        ? 'Decimal'
        : 'Boolean';
}

class Run {
  readonly outputs: ApexOutput[] = [];
  commands = 0;
  private vars = new Map<string, { type: 'sobject' | 'list' | 'scalar'; value: Value }>();

  constructor(
    private readonly host: ApexHost,
    private readonly objects: Record<string, string[]>,
  ) {}

  private obj(name: string) {
    return canonical(name, Object.keys(this.objects))!;
  }
  private fld(object: string, name: string) {
    return canonical(name, this.objects[object] ?? []) ?? name;
  }

  private follow(v: Value, tail: PathPart[], at: Pos): Value {
    for (const part of tail) {
      if ('index' in part) {
        if (!isList(v))
          throw new ApexException(at, `A ${describe(v)} cannot be indexed with [${part.index}].`);
        if (part.index >= v.list.length)
          throw new ApexException(
            at,
            `List index out of bounds: ${part.index} (the list has ${v.list.length}).`,
          );
        v = v.list[part.index]!;
        continue;
      }
      if (isList(v)) v = this.single(v, part.name);
      if (v === null)
        throw new ApexException(
          part.name,
          `Attempt to de-reference a null object (${part.name.name}).`,
        );
      if (!isSObj(v))
        throw new ApexException(part.name, `A ${describe(v)} has no field ${part.name.name}.`);
      v = v.fields[this.fld(v.sobject, part.name.name)] ?? null;
    }
    return v;
  }

  /** Apex's rule for a query result used as one record. */
  private single(v: ListV, at: Pos): Value {
    if (v.list.length === 0)
      throw new ApexException(at, 'List has no rows for assignment to SObject.');
    if (v.list.length > 1)
      throw new ApexException(
        at,
        `List has more than 1 row for assignment to SObject (${v.list.length} rows).`,
      );
    return v.list[0]!;
  }

  private bindValue(b: Literal | Bind): FieldValue | FieldValue[] {
    if (b.kind === 'literal') return b.value;
    const v = this.follow(this.get(b.path.head), b.path.tail, b.path);
    // A list of records binds as their Ids, as in WHERE Id IN :records.
    if (isList(v))
      return v.list.map((x) =>
        isSObj(x) ? ((x.fields.Id as string) ?? null) : isList(x) ? null : x,
      );
    if (isSObj(v)) return (v.fields.Id as string) ?? null;
    return v;
  }

  private query(q: Soql): ListV {
    const object = this.obj(q.object.name);
    const where: SoqlCondition[] = q.where.map((c) => ({
      field: this.fld(object, c.field.name),
      op: c.op,
      value:
        c.value.kind === 'list'
          ? c.value.items.flatMap((i) => {
              const v = this.bindValue(i);
              return Array.isArray(v) ? v : [v];
            })
          : this.bindValue(c.value),
    }));
    const query: SoqlQuery = {
      object,
      fields: q.fields.map((f) => this.fld(object, f.name)),
      where,
      orderBy: q.orderBy.map((o) => ({ field: this.fld(object, o.field.name), dir: o.dir })),
      limit: q.limit,
    };
    const r = this.host.soql(query);
    if (!r.ok) throw new ApexException(q, r.reason, r.rule);
    this.outputs.push({
      kind: 'rows',
      line: q.line,
      column: q.column,
      title: `SELECT ${r.fields.join(', ')} FROM ${object}`,
      object,
      fields: r.fields,
      rows: r.rows,
    });
    return { list: r.rows.map((row) => ({ sobject: object, fields: { ...row } })) };
  }

  private get(n: { name: string } & Pos): Value {
    const v = this.vars.get(n.name.toLowerCase());
    if (!v) throw new ApexException(n, `Variable does not exist: ${n.name}.`);
    return v.value;
  }

  eval(e: Expression): Value {
    switch (e.kind) {
      case 'literal':
        return e.value;
      case 'path':
        return this.follow(this.get(e.head), e.tail, e);
      case 'soql':
        return this.query(e);
      case 'access':
        return this.follow(this.query(e.query), e.tail, e);
      case 'new': {
        if (e.type.name.name.toLowerCase() === 'list') {
          const list: Value[] = [];
          for (const a of e.args) {
            const v = this.eval(a);
            if (!isList(v))
              throw new ApexException(a, `new List<…>(…) takes a list, not a ${describe(v)}.`);
            list.push(...v.list);
          }
          for (const i of e.items ?? []) list.push(this.eval(i));
          return { list };
        }
        const object = this.obj(e.type.name.name);
        const fields: Record<string, FieldValue> = {};
        for (const f of e.fields)
          fields[this.fld(object, f.name.name)] = this.scalar(this.eval(f.value), f.value);
        return { sobject: object, fields };
      }
    }
  }

  /** A field takes a plain value; a record given for an Id field gives its Id. */
  private scalar(v: Value, at: Pos): FieldValue {
    if (isSObj(v)) return (v.fields.Id as string | undefined) ?? null;
    if (isList(v)) throw new ApexException(at, 'A list cannot be put in a field.');
    return v;
  }

  /** Fits a value to a declared variable's kind, as Apex's assignment does. */
  private fit(kind: 'sobject' | 'list' | 'scalar', v: Value, at: Pos): Value {
    if (kind === 'sobject' && isList(v)) return this.single(v, at);
    if (kind === 'scalar' && isList(v))
      throw new ApexException(at, 'Illegal assignment from List to a single value.');
    if (kind === 'scalar' && isSObj(v)) return (v.fields.Id as string | undefined) ?? null;
    if (kind === 'list' && v !== null && !isList(v))
      throw new ApexException(at, `Illegal assignment from ${describe(v)} to List.`);
    return v;
  }

  statement(s: Statement) {
    switch (s.kind) {
      case 'declare': {
        const t = s.type.name.name.toLowerCase();
        const kind =
          t === 'list' ? 'list' : canonical(t, Object.keys(this.objects)) ? 'sobject' : 'scalar';
        const value = s.init
          ? this.fit(kind, this.eval(s.init), s.init)
          : kind === 'list'
            ? { list: [] }
            : null;
        this.vars.set(s.name.name.toLowerCase(), { type: kind, value });
        return;
      }
      case 'assign': {
        const slot = this.vars.get(s.target.name.toLowerCase())!;
        const value = this.eval(s.value);
        if (!s.path.length) {
          slot.value = this.fit(slot.type, value, s.value);
          return;
        }
        if (!isSObj(slot.value))
          throw new ApexException(
            s.target,
            `Attempt to de-reference a null object (${s.target.name}).`,
          );
        slot.value.fields[this.fld(slot.value.sobject, s.path[0]!.name)] = this.scalar(
          value,
          s.value,
        );
        return;
      }
      case 'call': {
        const arg = this.eval(s.args[0]!);
        if (s.target.name.toLowerCase() === 'system') {
          const rows = isList(arg) ? arg.list : [arg];
          const first = rows[0];
          if (rows.length && rows.every(isSObj) && first && isSObj(first)) {
            const fields = [...new Set(rows.flatMap((r) => Object.keys((r as SObj).fields)))];
            this.outputs.push({
              kind: 'rows',
              line: s.line,
              column: s.column,
              title: `System.debug: ${first.sobject}`,
              object: first.sobject,
              fields,
              rows: rows.map((r) => (r as SObj).fields),
            });
          } else
            this.outputs.push({
              kind: 'debug',
              line: s.line,
              column: s.column,
              text: JSON.stringify(arg),
            });
          return;
        }
        const list = this.get(s.target);
        if (!isList(list))
          throw new ApexException(
            s.target,
            `Attempt to de-reference a null object (${s.target.name}).`,
          );
        list.list.push(arg);
        return;
      }
      case 'query':
        this.query(s.query);
        return;
      case 'insert':
      case 'delete':
      case 'update':
        this.dml(s.kind, s.value, s);
        return;
    }
  }

  private records(v: Value, at: Pos): SObj[] {
    const rows = isList(v) ? v.list : [v];
    for (const r of rows)
      if (!isSObj(r)) throw new ApexException(at, `DML takes records, not a ${describe(r)}.`);
    return rows as SObj[];
  }

  private send(cmd: HostCommand, at: Pos): CommandResult & { ok: true } {
    this.commands++;
    const r = this.host.dispatch(cmd);
    if (!r.ok) throw new ApexException(at, r.reason, r.rule);
    return r;
  }

  private dml(op: 'insert' | 'delete' | 'update', e: Expression, at: Pos) {
    const rows = this.records(this.eval(e), e);
    if (!rows.length) return;
    const object = rows[0]!.sobject;
    if (rows.some((r) => r.sobject !== object))
      throw new ApexException(e, 'One DML statement takes records of one object.');
    if (object === PNC)
      throw new ApexException(
        e,
        'Connections change only on the Connections tab (CONN-3, CONN-6).',
      );
    const out = (text: string, ids: string[], rule: string | null) =>
      this.outputs.push({ kind: 'dml', line: at.line, column: at.column, text, ids, rule });
    if (op === 'insert') {
      for (const r of rows)
        if (r.fields.Id)
          throw new ApexException(
            e,
            `Cannot insert a record that already has an Id (${r.fields.Id}).`,
          );
      if (object === PNRC) {
        const records = rows.map((r) => {
          const row: Record<string, FieldValue> = {};
          for (const f of PNRC_WRITABLE) if (r.fields[f] !== undefined) row[f] = r.fields[f]!;
          return row as unknown as Omit<Extract<HostCommand, { type: 'pnrc.insert' }>, 'type'>;
        });
        const res =
          rows.length === 1
            ? this.send({ type: 'pnrc.insert', ...records[0]! }, at)
            : this.send({ type: 'pnrc.insertList', records }, at);
        const ids = res.ids ?? (res.id ? [res.id] : []);
        rows.forEach((r, i) => (r.fields.Id = ids[i] ?? null));
        const related = ids.length - rows.length;
        out(
          `Inserted ${rows.length} ${PNRC}${rows.length > 1 ? ' rows' : ''}: forwarded${related > 0 ? `, with ${related} related record${related > 1 ? 's' : ''} sent along` : ''}.`,
          ids,
          'FWD-4',
        );
        return;
      }
      const ids: string[] = [];
      for (const r of rows) {
        const values: Record<string, FieldValue> = {};
        for (const [f, v] of Object.entries(r.fields))
          if (!SYSTEM_FIELDS.includes(f)) values[f] = v;
        const res = this.send({ type: 'record.create', object, values }, at);
        r.fields.Id = res.id ?? null;
        ids.push(res.id ?? '');
      }
      out(`Inserted ${rows.length} ${object}.`, ids, null);
      return;
    }
    const ids = rows.map((r) => {
      const id = r.fields.Id;
      if (typeof id !== 'string' || !id)
        throw new ApexException(e, `Id not specified in an ${op} call.`);
      return id;
    });
    if (op === 'delete') {
      for (const id of ids)
        this.send(
          object === PNRC ? { type: 'pnrc.delete', id } : { type: 'record.delete', id },
          at,
        );
      out(
        object === PNRC
          ? `Deleted ${ids.length} ${PNRC}: sharing stopped (REC-4).`
          : `Deleted ${ids.length} ${object}; shared copies stay (REC-5).`,
        ids,
        object === PNRC ? 'REC-4' : 'REC-5',
      );
      return;
    }
    for (const r of rows) {
      const values: Record<string, FieldValue> = {};
      for (const [f, v] of Object.entries(r.fields)) if (!SYSTEM_FIELDS.includes(f)) values[f] = v;
      this.send({ type: 'record.update', id: r.fields.Id as string, values }, at);
    }
    out(`Updated ${rows.length} ${object}.`, ids, null);
  }
}

/** Parses, checks and runs a script: the Developer Console's Execute. */
export function executeApex(source: string, host: ApexHost): ApexRun {
  if (source.length > MAX_SCRIPT_CHARS)
    return {
      ok: false,
      outputs: [],
      errors: [
        {
          line: 1,
          column: 1,
          message: `The script is longer than ${MAX_SCRIPT_CHARS} characters.`,
        },
      ],
      commands: 0,
    };
  const parsed = parseApex(source);
  if (!parsed.ok) return { ok: false, outputs: [], errors: [parsed.error], commands: 0 };
  const objects = host.objects();
  const errors = checkProgram(parsed.program, objects);
  if (errors.length) return { ok: false, outputs: [], errors, commands: 0 };
  const run = new Run(host, objects);
  for (const s of parsed.program) {
    try {
      run.statement(s);
    } catch (e) {
      if (!(e instanceof ApexException)) throw e;
      const error: ApexError = { line: e.at.line, column: e.at.column, message: e.message };
      if (e.rule) error.rule = e.rule;
      return { ok: false, outputs: run.outputs, errors: [error], commands: run.commands };
    }
  }
  return { ok: true, outputs: run.outputs, errors: [], commands: run.commands };
}

/** The host for one org and user of a sandbox's scripting API. */
export function apexHost(s: S2S, org: string, as: string): ApexHost {
  return {
    objects: () => soqlObjects(s, org, as),
    soql: (q) => soql(s, org, as, q),
    dispatch: (cmd) => s.dispatch({ ...cmd, org, as } as Command),
  };
}
