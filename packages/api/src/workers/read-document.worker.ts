// Runs in the document reader's worker thread (see document-reader.ts).
import {
  readTransferDocument,
  type TReadDocumentResult,
  type TTransferKind,
} from '@shipshape/domain';

export default function readDocument(task: {
  text: string;
  kind: TTransferKind;
}): TReadDocumentResult<TTransferKind> {
  return readTransferDocument(task.text, task.kind);
}
