import * as v from 'valibot';
import type { Command, CommandType } from '../engine/commands/command.ts';
import { LIMITS } from '../engine/domain/fieldTypes.ts';
import type { Scenario } from '../engine/journal.ts';
import { findUnsafe, pathText } from './jsonSafety.ts';
import { EXPORT_APP, EXPORT_FORMAT, type ExportFile } from './store.ts';

/** The longest text a record may hold (Long Text Area); anything longer is hostile. */
export const MAX_STRING = LIMITS.longTextMax;
const MAX_DEPTH = 64;
const MAX_COMMANDS = 200_000;

const id = v.pipe(v.string(), v.maxLength(255));
const text = v.pipe(v.string(), v.maxLength(MAX_STRING));
const num = v.pipe(v.number(), v.finite());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const bool = v.boolean();
const profile = v.picklist(['System Administrator', 'Standard User']);
const fieldValue = v.union([text, num, bool, v.null()]);
const values = v.record(id, fieldValue);
// Nested definitions the rules check themselves; here they only need to be bounded objects.
const fieldDef = v.looseObject({ apiName: id, label: text, type: v.looseObject({ kind: id }) });

const link = v.partial(
  v.object({
    latencyMs: v.pipe(num, v.minValue(0)),
    jitterMs: v.pipe(num, v.minValue(0)),
    paused: bool,
    failRate: v.pipe(num, v.minValue(0), v.maxValue(1)),
    duplicateRate: v.pipe(num, v.minValue(0), v.maxValue(1)),
    reorder: bool,
    inOrder: bool,
    dedupe: bool,
  }),
);
const sandboxSettings = v.partial(
  v.object({
    conflictResolution: v.picklist(['arrival', 'lastWriterWins']),
    suppressEcho: bool,
    sendAutomationChangesBack: bool,
    publicationDelayMs: v.pipe(num, v.minValue(0)),
    deletePartnerCopyOnStop: bool,
    defaultLink: link,
  }),
);

const inOrg = { org: id, as: id };
const roleGroup = v.object({ roleId: id, includeSubordinates: v.optional(bool) });
const condition = <F extends v.GenericSchema>(field: F) =>
  v.object({
    field,
    operator: v.picklist(['isBlank', 'equals', 'contains']),
    value: v.optional(text),
  });
const onConn = { ...inOrg, connectionId: id };
const cmd = <T extends string, E extends v.ObjectEntries>(type: T, entries: E) =>
  v.object({ type: v.literal(type), ...entries });

const COMMANDS = [
  cmd('org.create', { org: id, name: text, domain: v.optional(id) }),
  cmd('settings.set', { settings: sandboxSettings }),
  cmd('link.set', { from: id, to: id, both: v.optional(bool), link }),
  cmd('org.setOffline', { org: id, offline: bool }),
  cmd('clock.advance', { ms: v.pipe(num, v.minValue(0)) }),
  cmd('clock.step', {}),
  cmd('clock.runUntilIdle', { maxEvents: v.optional(count) }),
  cmd('clock.deliver', { messageId: count, duplicate: v.optional(bool) }),
  cmd('user.create', {
    ...inOrg,
    name: text,
    profile,
    manageConnections: v.optional(bool),
    roleId: v.optional(v.nullable(id)),
  }),
  cmd('user.setActive', { ...inOrg, userId: id, active: bool }),
  cmd('role.create', { ...inOrg, name: text, parentRoleId: v.optional(v.nullable(id)) }),
  cmd('object.create', {
    ...inOrg,
    apiName: id,
    label: text,
    pluralLabel: v.optional(text),
    fields: v.optional(v.array(fieldDef)),
  }),
  cmd('field.create', { ...inOrg, object: id, field: fieldDef }),
  cmd('field.rename', {
    ...inOrg,
    object: id,
    field: id,
    newApiName: id,
    newLabel: v.optional(text),
  }),
  cmd('field.delete', { ...inOrg, object: id, field: id }),
  cmd('field.setHidden', { ...inOrg, object: id, field: id, hiddenFrom: v.array(profile) }),
  cmd('validationRule.add', {
    ...inOrg,
    rule: v.object({
      object: id,
      field: id,
      operator: v.picklist(['isBlank', 'equals', 'contains']),
      value: v.optional(text),
      message: text,
    }),
  }),
  cmd('automation.add', {
    ...inOrg,
    automation: v.object({ object: id, whenField: id, setField: id, value: fieldValue }),
  }),
  cmd('sharingRule.add', {
    ...inOrg,
    object: id,
    name: text,
    accessLevel: v.picklist(['Read', 'Edit']),
    sharedWith: roleGroup,
    owners: v.optional(roleGroup),
    criteria: v.optional(condition(id)),
  }),
  cmd('queue.create', {
    ...inOrg,
    name: text,
    objects: v.array(id),
    members: v.optional(v.array(id)),
  }),
  cmd('assignmentRule.set', {
    ...inOrg,
    object: v.picklist(['Lead', 'Case']),
    name: text,
    entries: v.array(
      v.object({
        field: id,
        operator: v.picklist(['isBlank', 'equals', 'contains']),
        value: v.optional(text),
        assignTo: id,
      }),
    ),
  }),
  cmd('s2s.enable', inOrg),
  cmd('s2s.settings', {
    ...inOrg,
    fromAddress: v.optional(text),
    displayName: v.optional(text),
    invitationTemplate: v.optional(text),
    decisionTemplate: v.optional(text),
    updateConnectionTemplate: v.optional(text),
  }),
  cmd('template.create', { ...inOrg, name: text, objects: v.record(id, v.array(id)) }),
  cmd('record.create', { ...inOrg, object: id, values, ownerId: v.optional(id) }),
  cmd('record.update', { ...inOrg, id, values }),
  cmd('record.delete', { ...inOrg, id }),
  cmd('lead.convert', { ...inOrg, id }),
  cmd('connection.invite', {
    ...inOrg,
    contactId: id,
    ownerId: v.optional(id),
    templateId: v.optional(id),
    name: v.optional(text),
  }),
  cmd('connection.accept', { ...onConn, accountId: v.optional(id) }),
  cmd('connection.decline', onConn),
  cmd('connection.decideLater', onConn),
  cmd('connection.cancel', onConn),
  cmd('connection.resend', onConn),
  cmd('connection.deactivate', onConn),
  cmd('connection.applyTemplate', { ...onConn, templateId: id }),
  cmd('connection.publish', { ...onConn, object: id, fields: v.optional(v.array(id)) }),
  cmd('connection.unpublish', { ...onConn, object: id }),
  cmd('connection.subscribe', {
    ...onConn,
    partnerObject: id,
    localObject: v.optional(id),
    mapping: v.optional(v.record(id, v.nullable(id))),
    autoAccept: v.optional(bool),
  }),
  cmd('connection.unsubscribe', { ...onConn, partnerObject: id }),
  cmd('record.forward', {
    ...inOrg,
    recordIds: v.array(id),
    connectionIds: v.array(id),
    relatedObjects: v.optional(v.array(id)),
    sendOpenTasks: v.optional(bool),
    sendClosedTasks: v.optional(bool),
    sendEmail: v.optional(bool),
    from: v.optional(v.picklist(['listView', 'record'])),
  }),
  cmd('pnrc.insert', {
    ...inOrg,
    ConnectionId: id,
    LocalRecordId: id,
    ParentRecordId: v.optional(v.nullable(id)),
    RelatedRecords: v.optional(text),
    SendClosedTasks: v.optional(bool),
    SendOpenTasks: v.optional(bool),
    SendEmails: v.optional(bool),
  }),
  cmd('pnrc.delete', { ...inOrg, id }),
  cmd('inbox.accept', {
    ...inOrg,
    pnrcId: id,
    ownerId: v.optional(id),
    useAssignmentRules: v.optional(bool),
    matchRecordId: v.optional(id),
  }),
  cmd('inbox.reject', { ...inOrg, pnrcId: id }),
  cmd('sharing.stop', { ...inOrg, pnrcId: id, deletePartnerCopy: v.optional(bool) }),
  cmd('notification.markRead', { ...inOrg, indexes: v.array(v.number()) }),
] as const;

export const COMMAND_TYPES: readonly string[] = COMMANDS.map((c) => c.entries.type.literal);

/** Engine commands an import would refuse; the test suite checks at compile time that none are. */
export type UnlistedCommand = Exclude<
  CommandType,
  (typeof COMMANDS)[number]['entries']['type']['literal']
>;

export const CommandSchema = v.variant('type', COMMANDS, (issue) =>
  typeof issue.input === 'string'
    ? `Unknown command type "${issue.input.slice(0, 60)}".`
    : 'A command needs a "type".',
);

export const ScenarioSchema = v.object({
  format: v.literal(1, 'Only scenario format 1 is supported.'),
  seed: v.pipe(num, v.integer()),
  settings: v.optional(sandboxSettings),
  commands: v.pipe(
    v.array(v.object({ index: count, at: v.pipe(num, v.minValue(0)), command: CommandSchema })),
    v.maxLength(MAX_COMMANDS),
  ),
  until: v.optional(v.pipe(num, v.minValue(0))),
});

/** Only what import uses is checked in depth; `state` is rebuilt from the scenario. */
export const ExportFileSchema = v.object({
  app: v.literal(EXPORT_APP, 'This is not an S2S Sandbox export.'),
  format: v.literal(
    EXPORT_FORMAT,
    (i) => `This export has format ${String(i.input)}; this app reads format ${EXPORT_FORMAT}.`,
  ),
  exportedAt: num,
  meta: v.looseObject({ name: text }),
  scenario: ScenarioSchema,
  state: v.looseObject({ format: count }),
});

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

function check<T>(schema: v.GenericSchema<unknown, T>, input: unknown, what: string): Validated<T> {
  const unsafe = findUnsafe(input, { maxString: MAX_STRING, maxDepth: MAX_DEPTH });
  if (unsafe) return { ok: false, error: `${what}: ${unsafe}` };
  const r = v.safeParse(schema, input, { abortEarly: true });
  if (r.success) return { ok: true, value: r.output };
  const issue = r.issues[0];
  const path = (issue.path ?? []).map((p) => p.key as string | number);
  const message = issue.input === undefined && path.length ? 'is missing.' : issue.message;
  return { ok: false, error: `${what}: ${pathText(path)}: ${message}` };
}

export function validateScenario(input: unknown): Validated<Scenario> {
  return check(ScenarioSchema as v.GenericSchema<unknown, Scenario>, input, 'Invalid scenario');
}

export function validateExportFile(input: unknown): Validated<ExportFile> {
  return check(
    ExportFileSchema as unknown as v.GenericSchema<unknown, ExportFile>,
    input,
    'Invalid file',
  );
}

export function validateCommand(input: unknown): Validated<Command> {
  return check(CommandSchema as v.GenericSchema<unknown, Command>, input, 'Invalid command');
}
