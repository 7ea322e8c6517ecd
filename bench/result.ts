/** One benchmark figure beside a baseline measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  /** How many times worse than the baseline (time or memory ratio; > 1 means slower or bigger). */
  ratio: number;
  target?: string;
  pass?: boolean;
  note?: string;
}
