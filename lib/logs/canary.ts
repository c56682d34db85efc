/** A credential a probe run sent, held in that process only; records keep its hash. */
export interface Canary {
  /** What the value stands for: `real password of user a`; never the value. */
  readonly label: string;
  readonly value: string;
}
