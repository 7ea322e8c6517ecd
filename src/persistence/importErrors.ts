import { EXPORT_APP, EXPORT_FORMAT } from './store.ts';

/** Why an import was refused: a sentence for anyone, and the validator's detail for the curious. */
export interface ImportProblem {
  error: string;
  detail?: string;
}

const WHAT_IS_EXPECTED =
  'An S2S Sandbox export is the .json file that Export in the Sandbox menu saves.';

export function tooLarge(maxMb: number): ImportProblem {
  return {
    error: `This file is too large to be an S2S Sandbox export (over ${maxMb} MB), so nothing was imported.`,
  };
}

export function notJson(parseError: string): ImportProblem {
  return {
    error: `This file is not an S2S Sandbox export: it is not JSON text (it may be truncated, or another kind of file). ${WHAT_IS_EXPECTED}`,
    detail: parseError,
  };
}

/** Names what is wrong with JSON that failed validation, from the part a person can judge. */
export function invalidExport(json: unknown, validatorMessage: string): ImportProblem {
  const o = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : null;
  if (!o || o.app !== EXPORT_APP)
    return {
      error: `This file is not an S2S Sandbox export: it is JSON, but it lacks the "app": "${EXPORT_APP}" mark every export carries. ${WHAT_IS_EXPECTED}`,
      detail: validatorMessage,
    };
  if (o.format !== EXPORT_FORMAT)
    return {
      error: `This S2S Sandbox export has format ${JSON.stringify(o.format)}; this version of the app reads format ${EXPORT_FORMAT}, so nothing was imported.`,
      detail: validatorMessage,
    };
  return {
    error:
      'This S2S Sandbox export is damaged: a part of it is missing or malformed, so nothing was imported.',
    detail: validatorMessage,
  };
}

export function cannotReplay(message: string): ImportProblem {
  return {
    error:
      'This S2S Sandbox export is well formed, but its commands cannot be replayed by this version of the app, so nothing was imported.',
    detail: message,
  };
}
