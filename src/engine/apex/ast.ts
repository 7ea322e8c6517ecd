// The console's Apex program as the parser returns it: plain JSON, each name and statement
// with its 1-based line and column.

export interface Pos {
  line: number;
  column: number;
}

export interface Name extends Pos {
  name: string;
}

export interface TypeRef {
  name: Name;
  /** The element type of List<T>. */
  of: TypeRef | null;
}

export type Literal = Pos & { kind: 'literal'; value: string | number | boolean | null };

export type PathPart = { name: Name } | { index: number };

export type Path = Pos & { kind: 'path'; head: Name; tail: PathPart[] };

export type Bind = Pos & { kind: 'bind'; path: Path };

export interface Condition extends Pos {
  field: Name;
  op: '=' | '!=' | 'IN' | 'LIKE';
  value: Literal | Bind | (Pos & { kind: 'list'; items: (Literal | Bind)[] });
}

export type Soql = Pos & {
  kind: 'soql';
  object: Name;
  fields: Name[];
  where: Condition[];
  orderBy: { field: Name; dir: 'ASC' | 'DESC' }[];
  limit: number | null;
};

export type New = Pos & {
  kind: 'new';
  type: TypeRef;
  fields: { name: Name; value: Expression }[];
  args: Expression[];
  items: Expression[] | null;
};

export type Access = Pos & { kind: 'access'; query: Soql; tail: PathPart[] };

export type Expression = Literal | Path | Soql | New | Access;

export type Statement =
  | (Pos & { kind: 'insert' | 'delete' | 'update'; value: Expression })
  | (Pos & { kind: 'query'; query: Soql })
  | (Pos & { kind: 'declare'; type: TypeRef; name: Name; init: Expression | null })
  | (Pos & { kind: 'call'; target: Name; method: Name; args: Expression[] })
  | (Pos & { kind: 'assign'; target: Name; path: Name[]; value: Expression });

/** An error the console shows: where, and a sentence; `rule` when the engine refused. */
export interface ApexError extends Pos {
  message: string;
  rule?: string;
}
