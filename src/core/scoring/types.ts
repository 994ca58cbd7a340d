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
  terms: ScoreTerm[];
}
