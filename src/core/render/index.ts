export * from './annotations.js';
export * from './summary.js';
export * from './truncate.js';
export * from './review-comment.js';
export * from './sarif.js';
export * from './markdown.js';
export * from './gitlab.js';
