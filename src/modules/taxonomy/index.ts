export { readTaxonomy, ensureTaxonomy, matchTerms, tagItem, type Taxonomy, type Term } from './taxonomy.service.js';
export { listTopics, listProgrammes, type TermRow } from './taxonomy.repository.js';
export { existingTermIds, termIdsBySlug } from './terms.repository.js';
export { getTerm, knownTerms } from './terms.service.js';
export type { TermKind } from './taxonomy.repository.js';
