export {
  CONNECTION_EVENTS,
  CONNECTION_STATES,
  CONNECTION_STATUSES,
  CONNECTION_STATUS_LABELS,
  connectionMachine,
  type ConnectionEvent,
  type ConnectionEventObject,
  type ConnectionState,
  type ConnectionStatus,
} from './connectionMachine.ts';
export {
  PNRC_STATUSES,
  RECORD_SHARE_EVENTS,
  RECORD_SHARE_STATES,
  RECORD_SHARE_STATUS,
  recordShareMachine,
  recordShareStatus,
  type PnrcStatus,
  type PnrcStatusView,
  type RecordShareEvent,
  type RecordShareEventObject,
  type RecordShareSide,
  type RecordShareState,
} from './recordShareMachine.ts';
export {
  connectionTable,
  deriveTable,
  isConnectionFinal,
  isRecordShareFinal,
  nextConnectionStatus,
  recordShareTable,
  type TransitionTable,
} from './transitionTable.ts';
