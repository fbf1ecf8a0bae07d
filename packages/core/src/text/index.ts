// Understanding petition text: normalisation, segmentation, classification, near-duplicate detection.

export { normalise, toHalfWidth, toSimplified, PLACEHOLDER } from './normalise';
export type { NormaliseOptions } from './normalise';
export { cut, tokens, charNgrams, hanRuns } from './segment';
export { STOPWORDS } from './stopwords';
export { DOMAINS, CATEGORIES, isDomain, isCategory } from './labels';
export type { Domain as TextDomain, Category as TextCategory } from './labels';
export { KEYWORD_RULES, textFeatures, lexiconFeatures, ruleFeatures } from './features';
export type { KeywordRule, WordKind } from './features';
export { WORD_KINDS, reasonPart, reasonLabel } from './reasons';
export { train, loadModel, classify, readInput, textHash } from './classifier';
export type {
  Answer,
  Classification,
  Reason,
  TextModel,
  TextModelData,
  TrainedOn,
  TrainingExample,
  TrainOptions,
} from './classifier';
export { defaultModel } from './model';
export { fnv1a32, fmix32, shingleHash, sortedHashes } from './hash';
export {
  NUM_HASHES,
  BAND_ROWS,
  SIGNATURE_VERSION,
  shingles,
  minhash,
  textSignature,
  signatureSimilarity,
  bandKeys,
  jaccard,
} from './minhash';
export { respondentKey, placeKey, extractEntities, isGenericRespondent, mayNameUnit, unitsNamedBy, unitNameForms, respondentLabel } from './entities';
export { extractFacts, factLabel, chineseNumber } from './facts';
export { concepts, conceptLabel, CONCEPT_NAMES } from './concepts';
export { DOMAIN_LEXICON, LEXICON_DOMAINS, lexiconHits } from './lexicon';
export type { LexiconHits } from './lexicon';
export type { Entities } from './entities';
export {
  fingerprint,
  candidateKeys,
  similarity,
  isSameMatter,
  groupDuplicates,
  weightedCosine,
  idfFrom,
  documentFrequencies,
  groupFingerprints,
  pairFeatures,
  pairProbability,
  PAIR_FEATURES,
  DEFAULT_PAIR_MODEL,
} from './dedup';
export type { DuplicateInput, DuplicateOptions, Fingerprint, Idf, PairFeature, PairModel, Similarity, SimilarityReason } from './dedup';
export { fitPairModel, crossValidateDuplicates, fitLogistic } from './pair-model';
export type { FitOptions, LabeledFingerprint } from './pair-model';
export { groupKFold, accuracy, macroF1, pairwiseScores } from './evaluate';
export type { LabelScore, PairScore } from './evaluate';
export { storeFingerprint, fromStored, FINGERPRINT_VERSION } from './stored';
export type { StoredFingerprint } from './stored';
export { respondentUnitsOf, unitsNamedIn, type NamedUnit, type PetitionWords, type RespondentInput, type RespondentUnits } from './accused';
