import { classify, type NaiveBayesModel } from './classifier.js';
import { geolocate, lookupCode, type GazetteerIndex } from './geolocate.js';
import { detectLanguage } from './language.js';
import { scoreSeverity } from './severity.js';
import { simhash } from './simhash.js';
import { tokenize } from './tokenize.js';
import { categoryOfType, type EmergencyCategory, type SignalLanguage, type SignalType } from './types.js';

/** A raw item from a report form or a monitored feed. */
export interface RawSignalInput {
  readonly text: string;
  readonly title?: string;
  /** Known language; detected from the text when absent. */
  readonly language?: SignalLanguage;
  /** ISO 8601 time of observation (passed through: the pipeline reads no clock). */
  readonly observedAt: string;
  /** Place as the reporter gave it: a jurisdiction code, a place text, and/or a point. */
  readonly place?: {
    readonly code?: string;
    readonly text?: string;
    /** [longitude, latitude]; kept as is (the pipeline has no boundaries to reverse-geocode). */
    readonly point?: readonly [number, number];
  };
  /** Reporter credibility 0..1, passed through for priority. */
  readonly reporterCredibility?: number;
}

export interface PipelineDeps {
  readonly model: NaiveBayesModel;
  readonly gazetteer: GazetteerIndex;
}

export interface EnrichedPlace {
  readonly code: string | null;
  readonly path: string | null;
  readonly matched: boolean;
  /** `given`: the reporter's code or place text; `text`: found in the report text; `none`. */
  readonly via: 'given' | 'text' | 'none';
  /** The name that matched (given place text or report text). */
  readonly matchedName?: string;
  /** 0..1; 1 for a given code found in the gazetteer. */
  readonly confidence: number;
  readonly point?: readonly [number, number];
}

export interface EnrichedSignal {
  readonly language: SignalLanguage;
  readonly tokens: readonly string[];
  readonly type: SignalType;
  readonly typeConfidence: number;
  readonly category: EmergencyCategory;
  readonly severity: number;
  readonly severityWords: readonly string[];
  readonly place: EnrichedPlace;
  readonly simhash: string;
  readonly observedAt: string;
  readonly reporterCredibility?: number;
}

function resolvePlace(input: RawSignalInput, fullText: string, gazetteer: GazetteerIndex): EnrichedPlace {
  const point = input.place?.point ? { point: input.place.point } : {};
  const code = input.place?.code;
  if (code !== undefined) {
    const entry = lookupCode(gazetteer, code);
    if (entry !== undefined) return { code: entry.code, path: entry.path, matched: true, via: 'given', confidence: 1, ...point };
  }
  if (input.place?.text) {
    const match = geolocate(gazetteer, input.place.text);
    if (match !== undefined) return { code: match.code, path: match.path, matched: true, via: 'given', matchedName: match.matchedName, confidence: match.confidence, ...point };
  }
  const match = geolocate(gazetteer, fullText);
  if (match !== undefined) return { code: match.code, path: match.path, matched: true, via: 'text', matchedName: match.matchedName, confidence: match.confidence, ...point };
  return { code: null, path: null, matched: false, via: 'none', confidence: 0, ...point };
}

/**
 * Turns a raw text item into an enriched signal: language, tokens, type and category, severity,
 * place and SimHash. Pure: the same input and dependencies give the same output. A given place
 * code that is not in the gazetteer is ignored (the place is then looked for in the texts).
 */
export function enrichSignal(input: RawSignalInput, deps: PipelineDeps): EnrichedSignal {
  const fullText = input.title ? `${input.title}\n${input.text}` : input.text;
  const language = input.language ?? detectLanguage(fullText);
  const tokens = tokenize(fullText, language);
  const classification = classify(deps.model, tokens, { text: fullText });
  const severity = scoreSeverity(fullText);
  return {
    language,
    tokens,
    type: classification.type,
    typeConfidence: classification.confidence,
    category: categoryOfType(classification.type),
    severity: severity.score,
    severityWords: severity.words,
    place: resolvePlace(input, fullText, deps.gazetteer),
    simhash: simhash(tokens),
    observedAt: input.observedAt,
    ...(input.reporterCredibility !== undefined ? { reporterCredibility: input.reporterCredibility } : {}),
  };
}
