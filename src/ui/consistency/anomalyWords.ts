import type { AnomalyKind } from '../../engine/checker/findings.ts';

/** Each anomaly the checker names, said in plain words for someone new to the vocabulary. */
export const ANOMALY_WORDS: Readonly<Record<AnomalyKind, string>> = {
  'stale read': 'one org still shows an older value than its partner',
  'lost update': 'an edit was overwritten by a concurrent edit from the other side',
  'monotonic-writes violation': 'an older change was applied after a newer one',
  'causal violation': 'a child record arrived before its parent',
  'duplicate write': 'the same change was applied twice',
  echo: 'an org received its own change back',
  'failed apply': 'a change arrived but could not be saved',
  'non-convergence': 'nothing is in flight, yet the copies still differ',
};
