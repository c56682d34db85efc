// The shapes of the two data files bench/corpus/extract.ts writes.

export interface CorpusCase {
  readonly source: "noseyparker" | "secretlint";
  /** The rule of the source whose test the case comes from. */
  readonly rule: string;
  /** The provider family, for the per-provider table. */
  readonly provider: string;
  readonly text: string;
  /** A credential (a rule's example or true positive), or a look-alike. */
  readonly secret: boolean;
}

export interface CorpusFile {
  readonly sources: ReadonlyArray<{ name: string; repo: string; commit: string; path: string; licence: string }>;
  readonly cases: readonly CorpusCase[];
  /** Cases left out when the file was built, and why. */
  readonly dropped?: { readonly contradicted: number };
}

/** One gitleaks rule as data: its own regex in JavaScript syntax, its entropy, keywords and allowlists. */
export interface ForeignRule {
  readonly id: string;
  readonly provider: string;
  readonly regex: { readonly source: string; readonly flags: string };
  readonly entropy?: number;
  readonly keywords: readonly string[];
  readonly secretGroup?: number;
  readonly allow: ReadonlyArray<{ regex: { source: string; flags: string }; target: string }>;
  readonly stopwords: readonly string[];
}

/** A credential format of a rule set no rule here was written from, as data for the formats bench. */
export interface IndependentFormat {
  readonly source: "noseyparker" | "kingfisher";
  readonly id: string;
  /** The rule's own name (`Aiven API Key`): samples go under the name it spells. */
  readonly name: string;
  readonly provider: string;
  readonly regex: { readonly source: string; readonly flags: string };
  /** The rule's own entropy floor for its secret, when it has one. */
  readonly minEntropy?: number;
}

export interface FormatsFile {
  readonly sources: ReadonlyArray<{ name: string; repo: string; commit: string; path: string; licence: string }>;
  readonly formats: readonly IndependentFormat[];
  /** Rules that could not be ported: their patterns need what JavaScript's RegExp has not. */
  readonly notPorted: readonly string[];
}
