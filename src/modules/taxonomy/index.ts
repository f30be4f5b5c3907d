export { readTaxonomy, ensureTaxonomy, matchTerms, tagItem, type Taxonomy, type Term } from './taxonomy.service.js';
