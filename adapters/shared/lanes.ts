/** Per-chat ordering lives with the pipeline (the journal's intake uses it too). */
export * from '../../src/pipeline/lanes';
