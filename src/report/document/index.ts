// `concordat render`: a literate agreement as the document the parties sign.
export { buildDocument, type AgreementDocument, type Block, type Inline } from "./model.js";
export { renderDocumentHtml } from "./html.js";
