import type {
  ApexError,
  Expression,
  Name,
  Path,
  PathPart,
  Pos,
  Soql,
  Statement,
  TypeRef,
} from './ast.ts';
import { canonical, closest, unknownName } from './suggest.ts';

// The console's compile step, before anything runs (as Apex compiles a script before it
// executes): every type, object, field, variable and method is checked, with a suggestion for
// a misspelt name. A program with an error runs nothing.

export const PNC = 'PartnerNetworkConnection';
export const PNRC = 'PartnerNetworkRecordConnection';

/** FWD-4: the fields a PNRC insert takes; the others are the engine's to fill. */
export const PNRC_WRITABLE = [
  'ConnectionId',
  'LocalRecordId',
  'ParentRecordId',
  'RelatedRecords',
  'SendClosedTasks',
  'SendOpenTasks',
  'SendEmails',
];

/** Fields the engine sets on every record; a script reads them but never writes them. */
export const SYSTEM_FIELDS = [
  'Id',
  'OwnerId',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'ConnectionReceivedId',
];

export const SCALAR_TYPES = [
  'Id',
  'String',
  'Boolean',
  'Integer',
  'Decimal',
  'Double',
  'Long',
  'Object',
];

export type StaticType =
  | { k: 'sobject'; name: string }
  | { k: 'list'; of: StaticType }
  | { k: 'scalar'; name: string }
  | { k: 'any' };

const ANY: StaticType = { k: 'any' };

export class Checker {
  readonly errors: ApexError[] = [];
  private vars = new Map<string, { name: string; type: StaticType }>();

  constructor(private readonly objects: Record<string, string[]>) {}

  private err(at: Pos, message: string) {
    this.errors.push({ line: at.line, column: at.column, message });
  }

  /** The object's API name in its own spelling, or null (with an error) when unknown. */
  object(n: Name): string | null {
    const name = canonical(n.name, Object.keys(this.objects));
    if (name) return name;
    const s2sObject = canonical(n.name, [PNC, PNRC]);
    if (s2sObject) {
      this.errors.push({
        line: n.line,
        column: n.column,
        rule: 'EN-2',
        message: `${s2sObject} does not exist in this org until Salesforce to Salesforce is enabled in Setup.`,
      });
      return null;
    }
    this.err(n, unknownName(n.name, Object.keys(this.objects), 'object'));
    return null;
  }

  field(object: string, n: Name): string | null {
    const fields = this.objects[object] ?? [];
    const name = canonical(n.name, fields);
    if (name) return name;
    this.err(n, unknownName(n.name, fields, `field on ${object}`));
    return null;
  }

  type(t: TypeRef): StaticType {
    const n = t.name.name;
    if (n.toLowerCase() === 'list') {
      if (!t.of) {
        this.err(t.name, 'Say what the list holds: List<PartnerNetworkRecordConnection>, say.');
        return { k: 'list', of: ANY };
      }
      return { k: 'list', of: this.type(t.of) };
    }
    const scalar = canonical(n, SCALAR_TYPES);
    if (scalar) return { k: 'scalar', name: scalar };
    const object = canonical(n, Object.keys(this.objects));
    if (object) return { k: 'sobject', name: object };
    if (canonical(n, [PNC, PNRC])) {
      this.object(t.name);
      return ANY;
    }
    this.err(
      t.name,
      unknownName(n, [...Object.keys(this.objects), ...SCALAR_TYPES, 'List'], 'type'),
    );
    return ANY;
  }

  variable(n: Name): StaticType {
    const v = this.vars.get(n.name.toLowerCase());
    if (v) return v.type;
    const known = [...this.vars.values()].map((x) => x.name);
    const near = closest(n.name, known);
    this.err(
      n,
      near
        ? `${n.name}: did you mean ${near}? Variable does not exist: ${n.name}.`
        : `Variable does not exist: ${n.name}. Declare it first, as in Id ${n.name} = …;`,
    );
    return ANY;
  }

  /** The type reached by following `.Field` and `[i]` from a value of type `t`. */
  follow(t: StaticType, tail: PathPart[]): StaticType {
    for (const part of tail) {
      if ('index' in part) {
        if (t.k === 'list') t = t.of;
        else if (t.k !== 'any') return ANY;
        continue;
      }
      if (t.k === 'any') return ANY;
      // Apex reads a field of a one-row query result as of its row.
      if (t.k === 'list') t = t.of;
      if (t.k === 'any') return ANY;
      if (t.k !== 'sobject') {
        this.err(
          part.name,
          `${part.name.name}: a ${t.k === 'scalar' ? t.name : 'value'} has no fields.`,
        );
        return ANY;
      }
      const f = this.field(t.name, part.name);
      if (!f) return ANY;
      t = { k: 'scalar', name: f };
    }
    return t;
  }

  path(p: Path): StaticType {
    return this.follow(this.variable(p.head), p.tail);
  }

  soql(q: Soql): StaticType {
    const object = this.object(q.object);
    for (const c of q.where) {
      const v = c.value;
      const items = v.kind === 'list' ? v.items : [v];
      for (const it of items) if (it.kind === 'bind') this.path(it.path);
      if (v.kind === 'list' && c.op !== 'IN')
        this.err(v, `A list of values (…) goes with IN, not ${c.op}.`);
    }
    if (!object) return { k: 'list', of: ANY };
    for (const f of q.fields) this.field(object, f);
    for (const c of q.where) this.field(object, c.field);
    for (const o of q.orderBy) this.field(object, o.field);
    return { k: 'list', of: { k: 'sobject', name: object } };
  }

  expression(e: Expression): StaticType {
    switch (e.kind) {
      case 'literal':
        return { k: 'scalar', name: typeof e.value === 'boolean' ? 'Boolean' : 'String' };
      case 'path':
        return this.path(e);
      case 'soql':
        return this.soql(e);
      case 'access':
        return this.follow(this.soql(e.query), e.tail);
      case 'new': {
        const t = this.type(e.type);
        for (const a of e.args) this.expression(a);
        for (const i of e.items ?? []) this.expression(i);
        if (t.k === 'sobject') {
          if (e.args.length || e.items) this.err(e, `Write new ${t.name}(Field = value, …).`);
          if (t.name === PNC)
            this.err(
              e.type.name,
              'Connections are made by inviting, on the Connections tab (CONN-1).',
            );
          for (const f of e.fields) {
            this.expression(f.value);
            this.writable(t.name, f.name);
          }
        } else if (t.k === 'list') {
          if (e.fields.length) this.err(e, 'A list takes no Field = value pairs.');
        } else if (t.k === 'scalar') this.err(e.type.name, `new ${t.name}(…) is not supported.`);
        return t;
      }
    }
  }

  /** A field a script may set: PNRC only its insert fields (FWD-4); never system fields. */
  writable(object: string, n: Name) {
    const f = this.field(object, n);
    if (!f) return;
    if (object === PNRC ? !PNRC_WRITABLE.includes(f) : SYSTEM_FIELDS.includes(f))
      this.err(n, `Field is not writeable: ${object}.${f}.`);
  }

  statement(s: Statement) {
    switch (s.kind) {
      case 'declare': {
        const t = this.type(s.type);
        if (s.init) this.expression(s.init);
        const key = s.name.name.toLowerCase();
        if (this.vars.has(key)) this.err(s.name, `Duplicate variable: ${s.name.name}.`);
        else this.vars.set(key, { name: s.name.name, type: t });
        return;
      }
      case 'assign': {
        this.expression(s.value);
        const t = this.variable(s.target);
        if (!s.path.length || t.k === 'any') return;
        if (s.path.length > 1 || t.k !== 'sobject') {
          this.err(
            s.path[0]!,
            `Only a field of a record variable can be set: ${s.target.name}.Field = value;`,
          );
          return;
        }
        this.writable(t.name, s.path[0]!);
        return;
      }
      case 'call': {
        for (const a of s.args) this.expression(a);
        const method = s.method.name.toLowerCase();
        if (s.target.name.toLowerCase() === 'system') {
          if (method !== 'debug')
            this.err(
              s.method,
              `Method does not exist: System.${s.method.name}. The console knows System.debug(value).`,
            );
          else if (s.args.length !== 1) this.err(s, 'System.debug takes one value.');
          return;
        }
        const t = this.variable(s.target);
        if (t.k === 'any') return;
        if (t.k !== 'list' || method !== 'add')
          this.err(
            s.method,
            `Method does not exist: ${s.target.name}.${s.method.name}(). The console knows list.add(value) and System.debug(value).`,
          );
        else if (s.args.length !== 1) this.err(s, 'add takes one value.');
        return;
      }
      case 'insert':
      case 'delete':
      case 'update': {
        const t = this.expression(s.value);
        const rec = t.k === 'list' ? t.of : t;
        if (rec.k === 'scalar') this.err(s.value, `${s.kind} takes a record or a list of records.`);
        if (rec.k === 'sobject' && rec.name === PNRC && s.kind === 'update')
          this.err(
            s,
            'PartnerNetworkRecordConnection rows are never updated: delete one to stop sharing, insert a new one to share (FWD-4).',
          );
        return;
      }
      case 'query':
        this.soql(s.query);
        return;
    }
  }
}

/** Every compile error of a program, in source order (none: it may run). */
export function checkProgram(program: Statement[], objects: Record<string, string[]>): ApexError[] {
  const c = new Checker(objects);
  for (const s of program) c.statement(s);
  return c.errors.sort((a, b) => a.line - b.line || a.column - b.column);
}
