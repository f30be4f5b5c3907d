export { readTaxonomy, ensureTaxonomy, matchTerms, tagItem, type Taxonomy, type Term } from './taxonomy.service.js';
export type { TermRow } from './taxonomy.repository.js';
export { existingTermIds, termIdsBySlug } from './terms.repository.js';
export { getTerm, knownTerms, listProgrammes, listTopics } from './terms.service.js';
export type { TermKind } from './taxonomy.repository.js';
