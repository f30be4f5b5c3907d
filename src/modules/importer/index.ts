export { importListings, summarize, type ImportReport, type ImportSource, type ImportedItem } from './importer.service.js';
export { formatImportReport } from './import-report.js';
export { decodeListingFile, NotUtf8TextError } from './listing-file.js';
export { seedIfEmpty, importSampleContent, isContentEmpty, loadTaxonomy, contentDir } from './sample-content.js';
export { generateContent, type GenerateOptions, type GenerateReport } from './generate.service.js';
