// `concordat matrix`: the RACI matrix of an agreement.
export { buildMatrix, matrixRows, cellText, legend, type Matrix, type MatrixRow, type MatrixFinding, type MatrixColumn } from "./model.js";
export { renderMatrixMarkdown } from "./markdown.js";
export { renderMatrixCsv } from "./csv.js";
export { renderMatrixHtml, renderMatrixSection, renderMatrixTables, renderFindingsList, htmlPage, reportCss } from "./html.js";
