/**
 * The object-store port: what the media use cases need from S3, and nothing else. Presigned
 * requests let clients move the bytes themselves; the API never streams a file.
 */

/** A request the client makes itself: the URL, the exact headers to send with it, and its expiry. */
export interface PresignedRequest {
  readonly url: string;
  /** Every header the request must carry, with exactly these values (they are signed). */
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: Date;
}

/** What an upload is bound to: S3 refuses a PUT with another type or length. */
export interface UploadDeclaration {
  readonly contentType: string;
  readonly size: number;
  /**
   * Where the upload's record is (MediaRepository.locate), stored with the object as metadata
   * (signed, so the client cannot change it): the upload worker finds the record from the object
   * itself, with no index of object keys.
   */
  readonly record?: string | undefined;
}

/** How a download answers: the stored type and a file name to save it under. */
export interface DownloadPresentation {
  readonly contentType: string;
  readonly fileName?: string | undefined;
}

/** A stored object's metadata, as S3 reports it. */
export interface StoredObject {
  readonly size: number;
  readonly contentType: string | undefined;
  /** The record the upload was announced for (UploadDeclaration.record), if it carries one. */
  readonly record?: string | undefined;
}

export interface ObjectStore {
  presignPut(key: string, declaration: UploadDeclaration): Promise<PresignedRequest>;
  presignGet(key: string, presentation: DownloadPresentation): Promise<PresignedRequest>;
  /** The object's metadata, or undefined when there is none under the key. */
  head(key: string): Promise<StoredObject | undefined>;
  /** Replaces the object's tags (`name=value&…`), e.g. to take a confirmed upload out of the pending lifecycle rule. */
  retag(key: string, tagging: string): Promise<void>;
  /** Deletes the object; deleting a missing object succeeds (S3 answers 204 either way). */
  delete(key: string): Promise<void>;
}
