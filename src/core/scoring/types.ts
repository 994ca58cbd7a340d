/** One term of a figure, printable as "formula = value unit". */
export interface ScoreTerm {
  name: string;
  value: number;
  unit: string;
  formula: string;
}

export interface ItemScore {
  /** Hours per sprint. */
  interest: number;
  /** Hours. */
  principal: number;
  /** Sprints; null when the item costs no interest. */
  payback: number | null;
  cycleTimeInterest: number;
  incidentInterest: number;
  /** Hours per sprint above the measured share, from a stated impact's floor (0 when measured is more). */
  statedInterest: number;
  /** The item's share of its file's measured cost, in [0, 1]. */
  share: number;
  terms: ScoreTerm[];
}
